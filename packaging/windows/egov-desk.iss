; Inno Setup script: a per-user installer for the one-folder build (no administrator rights needed).
; Build the folder first (see packaging/README.md), then:  iscc packaging\windows\egov-desk.iss
#define AppName "egov-desk"
#define AppNameZh "电子政务绩效考评"
#define AppVersion "0.1.0"
#define Source "..\..\build\dist\egov-desk"

[Setup]
AppId={{6F1B3D2A-4C8E-4E0B-9A51-3C2D7E8F9A01}
AppName={#AppNameZh} ({#AppName})
AppVersion={#AppVersion}
AppPublisher=egov-desk developers
DefaultDirName={localappdata}\Programs\egov-desk
DefaultGroupName={#AppNameZh}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build
OutputBaseFilename=egov-desk-setup-{#AppVersion}
SetupIconFile=egov-desk.ico
UninstallDisplayIcon={app}\egov-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\egov-desk.exe"
Name: "{group}\{#AppNameZh}（演示工作区）"; Filename: "{app}\egov-desk.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\egov-desk.exe"; Tasks: desktopicon

[Registry]
; Workspace folders are opened from the app; department work packages and returns (.egovpkg) open with a
; double-click: egov-desk.exe "%1" shows what the package holds and makes the department's workspace.
Root: HKCU; Subkey: "Software\Classes\.egovpkg"; ValueType: string; ValueData: "egovdesk.package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.egovpkg"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-egovpkg"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\egovdesk.package"; ValueType: string; ValueData: "{#AppNameZh} 科室工作包"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\egovdesk.package\DefaultIcon"; ValueType: string; ValueData: "{app}\egov-desk.exe,0"
Root: HKCU; Subkey: "Software\Classes\egovdesk.package\shell\open\command"; ValueType: string; ValueData: """{app}\egov-desk.exe"" ""%1"""

[Run]
Filename: "{app}\egov-desk.exe"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program folder only; workspaces in %LOCALAPPDATA%\egov-desk are the user's data and stay.
