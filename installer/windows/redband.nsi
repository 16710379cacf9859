; 红袖标 Desktop — Windows installer (NSIS 3, Unicode).
;
;   makensis -INPUTCHARSET UTF8 -DSOURCE_DIR=dist\redband -DVERSION=0.1.0 -DOUTFILE=dist\redband-setup-0.1.0.exe installer\windows\redband.nsi
;
; SOURCE_DIR is the PyInstaller bundle (redband-desktop.exe, redband.exe, _internal\).
; - For all users (Program Files, needs an administrator) or only for the current user
;   (%LOCALAPPDATA%\Programs, no administrator needed); silent: /S /AllUsers or /CurrentUser.
; - Start-menu and desktop shortcuts named 红袖标.
; - Upgrade in place: a newer installer finds the folder and mode of the installed copy,
;   asks to close a running 红袖标, and replaces the program files. The program upgrades its
;   database itself at its next start, after a verified backup.
; - The uninstaller removes only the program's own files and shortcuts. The user's data
;   (%LOCALAPPDATA%\redband\redband-desktop: database, backups, logs, settings) stays, and
;   so does a portable copy's data\ folder in the program folder.

Unicode true
SetCompressor /SOLID lzma

!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\redband"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\redband-setup-${VERSION}.exe"
!endif

!define APP_NAME "红袖标 Desktop"
!define SHORTCUT "红袖标"
!define PUBLISHER "红袖标 Desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\redband-desktop"
!define SETTINGS_KEY "Software\redband\redband-desktop"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

; -- per-machine or per-user ---------------------------------------------------
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "redband"
; remembered, so that an upgrade goes to the same folder in the same mode
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh

!define MUI_ICON "${__FILEDIR__}\..\..\resources\icons\redband.ico"
!define MUI_UNICON "${__FILEDIR__}\..\..\resources\icons\redband.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\redband-desktop.exe"

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString MSG_RUNNING ${LANG_SIMPCHINESE} "红袖标正在运行。请先关闭它（所有窗口），再点“重试”。"
LangString MSG_RUNNING ${LANG_ENGLISH} "红袖标 Desktop is running. Close it (every window), then click Retry."
LangString MSG_DATA_KEPT ${LANG_SIMPCHINESE} "您的数据（数据库、备份、日志）保留在原处，未被删除。"
LangString MSG_DATA_KEPT ${LANG_ENGLISH} "Your data (database, backups, logs) is kept where it was; nothing of it was deleted."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

; An open program keeps its files locked: ask the user to close it rather than leave a
; half-replaced bundle behind.
!macro WAIT_UNTIL_CLOSED PREFIX
Function ${PREFIX}WaitUntilClosed
  ${If} ${FileExists} "$INSTDIR\redband-desktop.exe"
    ${Do}
      ClearErrors
      FileOpen $0 "$INSTDIR\redband-desktop.exe" a
      ${IfNot} ${Errors}
        FileClose $0
        ClearErrors
        FileOpen $0 "$INSTDIR\redband.exe" a
        ${IfNot} ${Errors}
          FileClose $0
          ${Break}
        ${EndIf}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDRETRY +2
      Abort
    ${Loop}
  ${EndIf}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Section "${APP_NAME}" main
  SectionIn RO
  Call WaitUntilClosed
  ; an upgrade replaces the libraries wholesale: no stale file of the old version stays
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File "${SOURCE_DIR}\redband-desktop.exe"
  File "${SOURCE_DIR}\redband.exe"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\redband-desktop.exe" "" "$INSTDIR\redband-desktop.exe" 0
  CreateShortCut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\redband-desktop.exe" "" "$INSTDIR\redband-desktop.exe" 0

  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\redband-desktop.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"
  ; the program's own files only: never the user's data, nor the data folder of a portable copy
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\redband-desktop.exe"
  Delete "$INSTDIR\redband.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
  DetailPrint "$(MSG_DATA_KEPT)"
SectionEnd
