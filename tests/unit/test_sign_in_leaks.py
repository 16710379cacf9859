"""Issue #13, item 14: sign-in does not tell which user names exist — the same message
and the same work (an Argon2 hash verified) for an unknown name as for a wrong password;
changing one's password counts wrong old passwords like sign-in; the commonest passwords
and passwords made long by spaces at the ends are refused."""

from __future__ import annotations

import statistics
import time

import pytest

from redband_desktop.domain.passwords import password_problem
from redband_desktop.errors import PermissionDenied, ValidationError
from redband_desktop.services.accounts.types import UserForm
from redband_desktop.services.audit.types import AuditFilter
from tests.ui.staff import ADMIN, STAFF_PASSWORD, add_staff


def _refusal(services, name: str) -> PermissionDenied:  # noqa: ANN001
    with pytest.raises(PermissionDenied) as caught:
        services.accounts.sign_in(name, "Wrong#guess1")
    return caught.value


def test_unknown_and_known_names_get_the_same_message(services) -> None:  # noqa: ANN001
    add_staff(services, "lisi")
    for _ in range(3):  # the 1st, 2nd and 3rd try alike: no count of tries left to compare
        known, unknown = _refusal(services, "lisi"), _refusal(services, "nobody_here")
        for lang in ("zh_CN", "en"):
            assert known.message(lang) == unknown.message(lang)
        assert known.code == unknown.code == "sign_in_failed"
    assert "5" in known.message("zh_CN")  # it still says what locks the account


def _refusal_ms(services, name: str, rounds: int = 7) -> float:  # noqa: ANN001
    """The median time of a refused sign-in, the failure count reset between tries (by the
    administrator, untimed) so that a known name never reaches the lock."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        _refusal(services, name)
        times.append((time.perf_counter() - start) * 1000)
        services.accounts.sign_in(*ADMIN)
        services.accounts.unlock(next(u.id for u in services.accounts.users() if u.username == "lisi"))
    return statistics.median(times)


def test_unknown_and_known_names_take_as_long(services) -> None:  # noqa: ANN001
    add_staff(services, "lisi")
    _refusal(services, "nobody_here")  # the dummy hash is made once, at the first unknown name
    known, unknown = _refusal_ms(services, "lisi"), _refusal_ms(services, "nobody_here")
    print(f"\nrefused sign-in: known name {known:.0f} ms, unknown name {unknown:.0f} ms")
    assert abs(known - unknown) < 0.3 * max(known, unknown), (known, unknown)


def test_a_refusal_for_an_unknown_name_verifies_a_hash(services, monkeypatch) -> None:  # noqa: ANN001
    from redband_desktop.services.accounts import service as accounts

    verified = []
    real = accounts._hasher  # noqa: SLF001

    class Spy:
        def hash(self, password: str) -> str:
            return real.hash(password)

        def verify(self, stored: str, password: str) -> bool:
            verified.append(password)
            return real.verify(stored, password)

    monkeypatch.setattr(accounts, "_hasher", Spy())
    _refusal(services, "nobody_here")
    assert verified == ["Wrong#guess1"]


def test_wrong_old_passwords_count_like_sign_in(services) -> None:  # noqa: ANN001
    add_staff(services, "lisi")
    services.accounts.sign_in("lisi", STAFF_PASSWORD)
    for _ in range(4):
        with pytest.raises(ValidationError) as caught:
            services.accounts.change_password("Guess#20261", "Better#2027x", "Better#2027x")
        assert caught.value.problems[0].code == "password_wrong"
    with pytest.raises(PermissionDenied) as caught:
        services.accounts.change_password("Guess#20261", "Better#2027x", "Better#2027x")
    assert caught.value.code == "account_locked"
    with pytest.raises(PermissionDenied) as caught:  # locked: even the right one now waits
        services.accounts.change_password(STAFF_PASSWORD, "Better#2027x", "Better#2027x")
    assert caught.value.code == "account_locked"
    with pytest.raises(PermissionDenied) as caught:
        services.accounts.sign_in("lisi", STAFF_PASSWORD)
    assert caught.value.code == "account_locked"
    services.accounts.sign_in(*ADMIN)
    assert [e.action for e in services.audit.page(AuditFilter(), 0, 50)].count("user.password.failed") == 5


def test_a_right_old_password_clears_the_count(services) -> None:  # noqa: ANN001
    add_staff(services, "lisi")
    services.accounts.sign_in("lisi", STAFF_PASSWORD)
    for _ in range(4):
        with pytest.raises(ValidationError):
            services.accounts.change_password("Guess#20261", "Better#2027x", "Better#2027x")
    services.accounts.change_password(STAFF_PASSWORD, "Better#2027x", "Better#2027x")
    with pytest.raises(ValidationError):  # one wrong try after a good change does not lock
        services.accounts.change_password("Guess#20261", "Better#2028x", "Better#2028x")
    assert services.accounts.sign_in("lisi", "Better#2027x").username == "lisi"


@pytest.mark.parametrize("password", ["Password1", "Qwerty123", "Aa123456", "P@ssw0rd", "1qaz@WSX",
                                      "pASSWORD1", "aA123456", " Password1 "])
def test_the_commonest_passwords_are_refused(password) -> None:  # noqa: ANN001
    problem = password_problem(password, "lisi")
    assert problem is not None and problem.code in ("password_common", "password_padded")


@pytest.mark.parametrize("password", ["        ", "Ab1     ", "   Ab1  ", "\tAb1\t\t\t\t\t", "ab1     "])
def test_space_padding_does_not_make_a_password(password) -> None:  # noqa: ANN001
    problem = password_problem(password, "lisi")
    assert problem is not None and problem.code == "password_padded"


def test_good_passwords_still_pass() -> None:
    for password in ("Station#2026", "红袖标Jjh#2026", "my Red band 7", " Long#Enough2026 "):
        assert password_problem(password, "lisi") is None, password


def test_the_users_page_rules_refuse_a_common_password(services) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as caught:
        services.accounts.create_user(UserForm("wangwu", "王五", role="clerk"), "Qwerty123", "Qwerty123")
    assert caught.value.problems[0].code == "password_common"
