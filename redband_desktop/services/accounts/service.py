"""Station staff accounts: the first administrator, sign-in with lockout, passwords, and
user administration.

Passwords are hashed with Argon2id. Five wrong passwords lock an account for 15 minutes;
the counter and lock time are stored in the database, so restarting the program does
not lift a lock. Every sign-in, success or failure, is written to the audit trail.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redband_desktop.db.engine import Database
from redband_desktop.db.models import District, User
from redband_desktop.db.models.base import now
from redband_desktop.domain.access import Action, Role
from redband_desktop.domain.passwords import password_problem
from redband_desktop.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    Problem,
    RedbandError,
    ValidationError,
)
from redband_desktop.services.accounts.types import UserForm, UserRow
from redband_desktop.services.shared.access import AccessControl, Actor
from redband_desktop.services.shared.audit_log import diff, export_summary, record
from redband_desktop.services.shared.exports import Export, export_title
from redband_desktop.services.shared.rules import check_version, clean_text
from redband_desktop.services.shared.settings import read_settings
from redband_desktop.services.shared.values import checked_id

MAX_FAILURES = 5
LOCK_MINUTES = 15
_USERNAME = re.compile(r"^[A-Za-z0-9_]{3,40}$")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_ACTOR_COLUMNS = (User.id, User.username, User.display_name, User.role, User.district_id,
                  User.must_change_password, User.active)


USER_HEADERS = ("用户名", "姓名", "警号", "角色", "负责片区", "状态", "锁定至", "须修改初始密码", "最近登录")


class AccountService:
    def __init__(self, db: Database, access: AccessControl) -> None:
        self._db = db
        self._access = access
        access.set_reader(self.stored_actor)

    def stored_actor(self, user_id: int) -> Actor | None:
        """The account as stored now, or None when it is deactivated or gone: one read by
        primary key, asked by `AccessControl` before every action."""
        with self._db.read() as s:
            row = s.execute(select(*_ACTOR_COLUMNS).where(User.id == user_id)).one_or_none()
        if row is None or not row.active:
            return None
        return Actor(row.id, row.username, row.display_name, Role(row.role), row.district_id,
                     row.must_change_password)

    # -- first run and sign-in ----------------------------------------------------
    def has_users(self) -> bool:
        with self._db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def first_admin_problems(self, username: str, display_name: str, password: str, confirm: str) -> list[Problem]:
        """What is wrong with a first-administrator form, without writing anything."""
        with self._db.read() as s:
            try:
                values = _check_user(s, UserForm(username, display_name, role=Role.ADMIN.value), None)
                _check_new_password(password, confirm, values["username"])
            except ValidationError as exc:
                return list(exc.problems)
        return []

    def create_first_admin(self, username: str, display_name: str, password: str, confirm: str) -> Actor:
        """First run only: the station's first administrator, signed in at once."""
        with self._db.write() as s:
            if s.scalar(select(func.count()).select_from(User)):
                raise ConflictError("admin_exists")
            form = UserForm(username=username, display_name=display_name, role=Role.ADMIN.value)
            values = _check_user(s, form, None)
            _check_new_password(password, confirm, values["username"])
            user = User(**values, password_hash=_hasher.hash(password), must_change_password=False)
            s.add(user)
            s.flush()
            self._access.user = _actor(user)
            record(s, self._access, "user.create", "user", user.id, summary="首个管理员")
            return self._access.user

    def sign_in(self, username: str, password: str) -> Actor:
        """Sign in, or raise PermissionDenied. A failure is committed (counter, lock and
        audit entry) before the error is raised."""
        with self._db.write() as s:
            outcome = self._attempt(s, username.strip().lower(), password, now())
        if isinstance(outcome, PermissionDenied):
            raise outcome
        self._access.user = outcome
        return outcome

    def _attempt(self, s: Session, name: str, password: str, moment: datetime) -> Actor | PermissionDenied:
        # An unknown name gets the same message after the same work (a hash verified) as a
        # wrong password, so that neither tells which user names exist.
        user = s.scalar(select(User).where(func.lower(User.username) == name))
        if user is None:
            _verify_dummy(password)
            record(s, self._access, "sign_in.failed", "user", "", summary="用户名不存在", username=name)
            return _wrong()
        if user.locked_until and user.locked_until > moment:
            _verify_dummy(password)
            record(s, self._access, "sign_in.locked", "user", user.id, username=user.username)
            return PermissionDenied("account_locked", until=f"{user.locked_until:%H:%M}")
        if not _verify(user, password):
            return self._failed(s, user, moment)
        if not user.active:
            record(s, self._access, "sign_in.failed", "user", user.id, summary="账号已停用", username=user.username)
            return PermissionDenied("account_inactive")
        user.failed_attempts, user.locked_until, user.last_sign_in = 0, None, moment
        record(s, self._access, "sign_in", "user", user.id, username=user.username)
        return _actor(user)

    def _failed(self, s: Session, user: User, moment: datetime, action: str = "sign_in.failed") -> PermissionDenied:
        """Count a wrong password (sign-in, or the old one when changing it): the fifth in a
        row locks the account."""
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILURES:
            user.locked_until, user.failed_attempts = moment + timedelta(minutes=LOCK_MINUTES), 0
            record(s, self._access, action, "user", user.id, username=user.username,
                   summary=f"连续输错，锁定 {LOCK_MINUTES} 分钟")
            return PermissionDenied("account_locked", until=f"{user.locked_until:%H:%M}")
        record(s, self._access, action, "user", user.id, username=user.username,
               summary=f"第 {user.failed_attempts} 次密码错误")
        return _wrong()

    def unlock_screen(self, password: str) -> Actor:
        """Idle lock: the signed-in user proves it is still them. Raises PermissionDenied
        saying why not (wrong password with tries left, or locked until when)."""
        user = self._access.user
        if user is None:
            raise PermissionDenied("not_signed_in")
        return self.sign_in(user.username, password)

    def sign_out(self) -> None:
        if self._access.user is None:
            return
        with self._db.write() as s:
            record(s, self._access, "sign_out", "user", self._access.user.id)
        self._access.user = None

    def change_password(self, old: str, new: str, confirm: str) -> Actor:
        """A wrong old password counts like a wrong sign-in (and may lock the account):
        the counter and its audit entry are committed before the error is raised."""
        actor = self._access.current()
        _check_new_password(new, confirm, actor.username)
        with self._db.write() as s:
            outcome = self._change_own(s, actor.id, old, new, now())
        if isinstance(outcome, RedbandError):
            raise outcome
        self._access.user = outcome
        return outcome

    def _change_own(self, s: Session, user_id: int, old: str, new: str, moment: datetime) -> Actor | RedbandError:
        user = s.get(User, user_id)
        if user.locked_until and user.locked_until > moment:
            return PermissionDenied("account_locked", until=f"{user.locked_until:%H:%M}")
        if not _verify(user, old):
            refused = self._failed(s, user, moment, "user.password.failed")
            if refused.code == "account_locked":
                return refused
            return ValidationError([Problem("old_password", "password_wrong",
                                            {"max": MAX_FAILURES, "minutes": LOCK_MINUTES})])
        user.password_hash, user.must_change_password = _hasher.hash(new), False
        user.failed_attempts = 0
        record(s, self._access, "user.password", "user", user.id, summary="本人修改密码")
        return _actor(user)

    # -- administration ------------------------------------------------------------
    def users(self) -> list[UserRow]:
        self._access.require(Action.USERS)
        q = select(User, District.name).outerjoin(District, User.district_id == District.id).order_by(User.username)
        with self._db.read() as s:
            return [_row(u, d) for u, d in s.execute(q)]

    def export_users(self) -> Export:
        """The accounts as .xlsx (administrators), recorded."""
        from redband_desktop.documents.xlsx import table_to_xlsx

        rows = self.users()
        cells = [[u.username, u.display_name, u.police_no, u.role.zh, u.district, "启用" if u.active else "停用",
                  u.locked_until, "是" if u.must_change_password else "否", u.last_sign_in] for u in rows]
        with self._db.write() as s:
            title = export_title(str(read_settings(s)["station.name"] or ""), "用户账号", [], date.today())
            record(s, self._access, "export", "user", "", summary=export_summary(len(rows), False))
        return Export(table_to_xlsx(list(USER_HEADERS), cells, "用户账号", title=title), len(rows), False)

    def create_user(self, form: UserForm, password: str, confirm: str) -> UserRow:
        """An administrator creates an account; its user must change the password first."""
        self._access.require(Action.USERS)
        with self._db.write() as s:
            values = _check_user(s, form, None)
            _check_new_password(password, confirm, values["username"])
            user = User(**values, password_hash=_hasher.hash(password), must_change_password=True)
            s.add(user)
            s.flush()
            record(s, self._access, "user.create", "user", user.id, diff({}, values))
            return _row(user, user_district(s, user))

    def update_user(self, user_id: int, version: int, form: UserForm) -> UserRow:
        self._access.require(Action.USERS)
        with self._db.write() as s:
            user = _get(s, user_id)
            check_version(user, version, s, "user")
            values = _check_user(s, form, user_id)
            before = {k: getattr(user, k) for k in values}
            _refuse_removing_last_admin(s, user, values)
            for key, value in values.items():
                setattr(user, key, value)
            s.flush()
            record(s, self._access, "user.update", "user", user.id, diff(before, values))
            return _row(user, user_district(s, user))

    def reset_password(self, user_id: int, password: str, confirm: str) -> None:
        self._access.require(Action.USERS)
        with self._db.write() as s:
            user = _get(s, user_id)
            _check_new_password(password, confirm, user.username)
            user.password_hash, user.must_change_password = _hasher.hash(password), True
            user.failed_attempts, user.locked_until = 0, None
            record(s, self._access, "user.reset_password", "user", user.id)

    def unlock(self, user_id: int) -> None:
        self._access.require(Action.USERS)
        with self._db.write() as s:
            user = _get(s, user_id)
            user.failed_attempts, user.locked_until = 0, None
            record(s, self._access, "user.unlock", "user", user.id)


def _wrong() -> PermissionDenied:
    return PermissionDenied("sign_in_failed", max=MAX_FAILURES, minutes=LOCK_MINUTES)


@cache
def _dummy_hash() -> str:
    """A hash of nothing anyone types, made once, to verify against when there is no
    account (or it is locked): the refusal then takes as long as a wrong password."""
    return _hasher.hash("redband: no such account")


def _verify_dummy(password: str) -> None:
    with contextlib.suppress(VerificationError, InvalidHashError):
        _hasher.verify(_dummy_hash(), password)


def _verify(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _check_new_password(password: str, confirm: str, username: str) -> None:
    problem = password_problem(password, username)
    if problem:
        raise ValidationError([problem])
    if password != confirm:
        raise ValidationError([Problem("confirm_password", "password_mismatch")])


def _check_user(s: Session, form: UserForm, editing_id: int | None) -> dict:
    problems: list[Problem] = []
    username = form.username.strip()
    if not _USERNAME.match(username):
        problems.append(Problem("username", "username_invalid"))
    elif s.scalar(select(User.id).where(func.lower(User.username) == username.lower(), User.id != (editing_id or 0))):
        problems.append(Problem("username", "name_taken", {"name": username}))
    display = clean_text(form.display_name, "display_name", 40, required=True, problems=problems)
    police_no = clean_text(form.police_no, "police_no", 20, problems=problems)
    try:
        role = Role(form.role)
    except ValueError:
        problems.append(Problem("role", "invalid_choice", {"value": form.role}))
        role = None
    if role is Role.OFFICER and form.district_id is None:
        problems.append(Problem("district_id", "district_required"))
    if checked_id(form.district_id, "district_id", problems) is not None and s.get(District, form.district_id) is None:
        problems.append(Problem("district_id", "invalid_choice", {"value": form.district_id}))
    if problems:
        raise ValidationError(problems)
    return {"username": username.lower(), "display_name": display, "police_no": police_no,
            "role": role.value, "district_id": form.district_id, "active": bool(form.active)}


def _refuse_removing_last_admin(s: Session, user: User, values: dict) -> None:
    if user.role != Role.ADMIN.value or (values["role"] == Role.ADMIN.value and values["active"]):
        return
    admins = s.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active))
    if admins <= 1:
        raise ValidationError([Problem("role", "last_admin")])


def _get(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFoundError(what="用户", id=user_id)
    return user


def user_district(s: Session, user: User) -> str:
    return s.get(District, user.district_id).name if user.district_id else ""


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, Role(user.role), user.district_id,
                 user.must_change_password)


def _row(user: User, district: str | None) -> UserRow:
    return UserRow(user.id, user.username, user.display_name, user.police_no, Role(user.role),
                   user.district_id, district or "", user.active, user.locked_until,
                   user.must_change_password, user.last_sign_in, user.version)
