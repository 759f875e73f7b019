; Inno Setup script of CEP Desk for Windows (issue 15.3). NOT RUN HERE: no Windows machine;
; .github/workflows/package.yml runs it on a Windows runner:
;   iscc /DAppVersion=0.1.0 /DDistDir=..\..\build\dist\cep-desk packaging\windows\cep-desk.iss
; Installs the PyInstaller folder (cep-desk.exe: the GUI, no console; cep-desk-cli.exe: the
; command-line verbs, with a console) for the current user (no administrator rights) or for all
; users (IT, silently: cep-desk-setup.exe /VERYSILENT /ALLUSERS).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\build\dist\cep-desk"
#endif

[Setup]
AppId={{6B0E5B1C-3C3A-4E0B-9F31-CE9DE5C0A015}
AppName=CEP Desk
AppVersion={#AppVersion}
AppPublisher=CEP Desk
DefaultDirName={autopf}\CEP Desk
DefaultGroupName=CEP Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\dist
OutputBaseFilename=cep-desk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\cep_desk\resources\icons\cep-desk.ico
UninstallDisplayIcon={app}\cep-desk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "Ajouter cep-desk-cli au PATH (commandes en ligne)"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\CEP Desk"; Filename: "{app}\cep-desk.exe"; AppUserModelID: "fr.cepdesk.CepDesk"
Name: "{autodesktop}\CEP Desk"; Filename: "{app}\cep-desk.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\cep-desk.exe"; Description: "{cm:LaunchProgram,CEP Desk}"; \
  Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
    Current := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
