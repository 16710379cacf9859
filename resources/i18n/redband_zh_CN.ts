<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="21"/>
        <source>About 红袖标 Desktop</source>
        <translation>关于红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="39"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="40"/>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="41"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="42"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="43"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="44"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="48"/>
        <source>Bundled parts: WenQuanYi Micro Hei font (Apache License 2.0 or GPLv3 with font exception); Qt {qt} via PySide6 (LGPLv3).</source>
        <translation>随附组件：文泉驿微米黑字体（Apache 许可证 2.0 或附字体例外的 GPLv3）；Qt {qt}（PySide6，LGPLv3）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="51"/>
        <source>红袖标 Desktop — public-security volunteer management for police stations. Works fully offline; your data stays on this computer.</source>
        <translation>红袖标——派出所治安志愿者管理系统。完全离线运行，数据只保存在本机。</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="61"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="63"/>
        <source>The program backs up the database automatically after changes (at most every 30 minutes), when it closes and before every upgrade. Each backup is checked after it is written.</source>
        <translation>数据有改动后，程序会自动备份数据库（最多每 30 分钟一次），关闭程序时和每次升级前也会备份。每份备份写入后都会校验。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="68"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="69"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="71"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="76"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="77"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="78"/>
        <source>Export to file…</source>
        <translation>导出到文件…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="95"/>
        <source>This database is on a server; it is backed up by the server&apos;s administrator, not by this program.</source>
        <translation>本数据库位于服务器上，由服务器管理员负责备份，不由本程序备份。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="100"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="100"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="100"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="101"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="101"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="115"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="116"/>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="117"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="118"/>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="119"/>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="169"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="171"/>
        <source>Backed up and verified: {path}</source>
        <translation>已备份并校验：{path}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="192"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="193"/>
        <source>Backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>备份文件 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="198"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="199"/>
        <source>Replace the current database with the backup of {when}?

Everything entered since then is replaced. The current database is first saved as a &quot;Before restore&quot; backup, so this can be undone.</source>
        <translation>用 {when} 的备份替换当前数据库？

此后录入的内容都会被替换。当前数据库会先另存为“恢复前”备份，因此可以撤销。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="206"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="209"/>
        <source>Restored. The previous database was kept as a &quot;Before restore&quot; backup.</source>
        <translation>已恢复。原数据库已保存为“恢复前”备份。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="215"/>
        <source>Export a backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="216"/>
        <source>Backups (*.sqlite3)</source>
        <translation>备份文件 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="219"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="221"/>
        <source>Exported and verified ({count} volunteers): {path}</source>
        <translation>已导出并校验（志愿者 {count} 名）：{path}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="225"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="37"/>
        <source>Welcome to 红袖标 Desktop</source>
        <translation>欢迎使用红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="39"/>
        <source>This is the first start. Enter the name of your police station to create its database on this computer. You can load a demonstration station (6 districts, 43 compounds, 2 markets, 12 organisations and 1,100 fictitious volunteers) to try the program out.</source>
        <translation>这是首次启动。请输入派出所名称，程序将在本机建立数据库。也可以载入演示数据（6 个片区、43 个小区、2 个市场、12 家单位和 1,100 名虚构的志愿者）试用本程序。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="45"/>
        <source>e.g. 金家河派出所</source>
        <translation>例如：金家河派出所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="49"/>
        <source>Load demonstration data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="53"/>
        <source>Create station</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="57"/>
        <source>Station name</source>
        <translation>派出所名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/first_run_dialog.py" line="71"/>
        <source>Loading the demonstration station…</source>
        <translation>正在载入演示数据……</translation>
    </message>
</context>
<context>
    <name>IdNumberHint</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="50"/>
        <source>{typed} of 18 characters typed</source>
        <translation>已输入 {typed} / 18 位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="52"/>
        <source>This is not a valid ID number</source>
        <translation>不是有效的身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="57"/>
        <source>unknown region</source>
        <translation>地区未收录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="58"/>
        <source>Birth date {date} · {gender} · {region}</source>
        <translation>出生日期 {date} · {gender} · {region}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="51"/>
        <source>Volunteer roster</source>
        <translation>志愿者花名册</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="53"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="86"/>
        <source>Districts and sites…</source>
        <translation>片区与场所……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="90"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="94"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="95"/>
        <source>About 红袖标 Desktop</source>
        <translation>关于红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="105"/>
        <source>{station} — 红袖标 Desktop</source>
        <translation>{station} — 红袖标</translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="37"/>
        <source>Choose photo…</source>
        <translation>选择照片……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="39"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="63"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="64"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="87"/>
        <source>No photo</source>
        <translation>暂无照片</translation>
    </message>
</context>
<context>
    <name>PhotoCropDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_crop_dialog.py" line="42"/>
        <source>Crop photo</source>
        <translation>裁剪照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_crop_dialog.py" line="58"/>
        <source>Drag the frame to move it. Drag a corner or turn the mouse wheel to resize it. The part inside the frame goes on the card.</source>
        <translation>拖动方框可移动位置，拖动角点或滚动鼠标滚轮可调整大小。框内部分将印在志愿者证上。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_crop_dialog.py" line="63"/>
        <source>On the card:</source>
        <translation>证件效果：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_crop_dialog.py" line="72"/>
        <source>Use this part</source>
        <translation>使用此区域</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_crop_dialog.py" line="73"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PlaceCombos</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/place_combos.py" line="36"/>
        <source>Choose a site</source>
        <translation>请选择场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/place_combos.py" line="38"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/place_combos.py" line="99"/>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/place_combos.py" line="120"/>
        <source>No particular building</source>
        <translation>不指定楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/place_combos.py" line="122"/>
        <source>No particular zone</source>
        <translation>不指定市场片区</translation>
    </message>
</context>
<context>
    <name>RosterFilterBar</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="29"/>
        <source>Search name, pinyin (zj), phone or ID number</source>
        <translation>搜索姓名、拼音（如 zj）、电话或身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="32"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="33"/>
        <source>All site kinds</source>
        <translation>全部场所类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="34"/>
        <source>All sites</source>
        <translation>全部场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="36"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="37"/>
        <source>All backgrounds</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/filter_bar.py" line="38"/>
        <source>All skills</source>
        <translation>全部特长</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="51"/>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="52"/>
        <source>Edit…</source>
        <translation>编辑……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="53"/>
        <source>Change status…</source>
        <translation>变更状态……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="60"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="61"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="62"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="63"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="64"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="65"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="66"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="68"/>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="127"/>
        <source>{total} volunteers shown · active {active} · suspended {suspended} · left {left}</source>
        <translation>共 {total} 人 · 在岗 {active} · 暂停 {suspended} · 已退出 {left}</translation>
    </message>
</context>
<context>
    <name>SkillsList</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/skills_list.py" line="47"/>
        <source>No skills have been set up yet</source>
        <translation>尚未设置特长</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="54"/>
        <source>Change status: {name}</source>
        <translation>变更状态：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="68"/>
        <source>Suspend ({status})</source>
        <translation>暂停（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="69"/>
        <source>Mark as left ({status})</source>
        <translation>退出队伍（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="70"/>
        <source>Reactivate ({status})</source>
        <translation>恢复在岗（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="84"/>
        <source>Choose or type a reason</source>
        <translation>选择或填写原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="93"/>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="101"/>
        <source>{name} is now “{status}” (since {date}).</source>
        <translation>{name} 现为“{status}”（自 {date} 起）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="107"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="108"/>
        <source>Date of change</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="109"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>StatusHistoryTable</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_history_table.py" line="28"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_history_table.py" line="28"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_history_table.py" line="28"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_history_table.py" line="45"/>
        <source>Joined ({new})</source>
        <translation>加入队伍（{new}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_history_table.py" line="47"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
</context>
<context>
    <name>StructureDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="40"/>
        <source>Districts and sites</source>
        <translation>片区与场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="43"/>
        <source>Add district…</source>
        <translation>新增片区……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="44"/>
        <source>Rename district…</source>
        <translation>重命名片区……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="45"/>
        <source>Add site…</source>
        <translation>新增场所……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="46"/>
        <source>Rename site…</source>
        <translation>重命名场所……</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="58"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="62"/>
        <source>Sites in the district</source>
        <translation>片区内的场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="73"/>
        <source> (officer {name})</source>
        <translation>（社区民警 {name}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="112"/>
        <source>Add district</source>
        <translation>新增片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="112"/>
        <source>Name of the new district:</source>
        <translation>新片区名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="118"/>
        <source>Rename district</source>
        <translation>重命名片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="118"/>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="139"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="129"/>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="130"/>
        <source>Add site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="129"/>
        <source>Kind of site:</source>
        <translation>场所类型：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="130"/>
        <source>Name of the new site:</source>
        <translation>新场所名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/structure_dialog.py" line="139"/>
        <source>Rename site</source>
        <translation>重命名场所</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="75"/>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="76"/>
        <source>Edit volunteer: {name}</source>
        <translation>编辑志愿者：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="93"/>
        <source>18 characters, the last may be X</source>
        <translation>18 位，末位可为 X</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="95"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="108"/>
        <source>Choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="102"/>
        <source>From ID</source>
        <translation>按身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="104"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="111"/>
        <source>Is in the volunteers&apos; WeChat group</source>
        <translation>已加入警民联动微信群</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="115"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="191"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="116"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="200"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="134"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="138"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="156"/>
        <source>{mark} required</source>
        <translation>{mark} 为必填项</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="188"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="192"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="196"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="197"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="201"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="202"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="204"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="208"/>
        <source>Place of service</source>
        <translation>所在场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="211"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="212"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="213"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="214"/>
        <source>Market zone</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="215"/>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="220"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="224"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="230"/>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="235"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="239"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="248"/>
        <source>Status: {status} since {date}</source>
        <translation>状态：{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="362"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="363"/>
        <source>The volunteer was saved. Please note:
{warnings}</source>
        <translation>志愿者信息已保存。请注意：
{warnings}</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <location filename="../../redband_desktop/ui/feedback.py" line="27"/>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/feedback.py" line="36"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/feedback.py" line="37"/>
        <source>Something went wrong that the program did not expect. Your saved data is safe; the details were written to the log file. Please tell your administrator.</source>
        <translation>程序遇到了意外错误。已保存的数据是安全的，详细信息已写入日志文件。请告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="28"/>
        <source>The database was damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="32"/>
        <source>Restore the backup of {date}</source>
        <translation>恢复 {date} 的备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="34"/>
        <source>Start with an empty database</source>
        <translation>使用空数据库开始</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="35"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="43"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
</TS>
