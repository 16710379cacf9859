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
        <source>Mode</source>
        <translation>运行方式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="43"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="44"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="45"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="49"/>
        <source>Bundled parts: WenQuanYi Micro Hei font (Apache License 2.0 or GPLv3 with font exception); Qt {qt} via PySide6 (LGPLv3).</source>
        <translation>随附组件：文泉驿微米黑字体（Apache 许可证 2.0 或附字体例外的 GPLv3）；Qt {qt}（PySide6，LGPLv3）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="52"/>
        <source>红袖标 Desktop — public-security volunteer management for police stations. Works fully offline; your data stays on this computer.</source>
        <translation>红袖标——派出所治安志愿者管理系统。完全离线运行，数据只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="59"/>
        <source>Portable: data, logs, backups and settings in the data folder beside the program (portable.txt)</source>
        <translation>便携版：数据、日志、备份和设置都在程序旁的 data 文件夹中（portable.txt）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/about_dialog.py" line="61"/>
        <source>Installed: data, logs, backups and settings in this user account&apos;s own folders</source>
        <translation>安装版：数据、日志、备份和设置在本用户账户自己的文件夹中</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="56"/>
        <source>Theme, place, organiser or participant (name, pinyin or volunteer number)</source>
        <translation>主题、地点、组织单位或参加人（姓名、拼音或志愿者编号）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="57"/>
        <source>Held from</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="58"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="61"/>
        <source>New activity…</source>
        <translation>登记活动…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="62"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="63"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="64"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="76"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="77"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="78"/>
        <source>Type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="79"/>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="80"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="81"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="82"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="83"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="84"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="85"/>
        <source>Audience</source>
        <translation>受众人数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="86"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="91"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="139"/>
        <source>{total} activities · {people} volunteers took part ({times} times) · {hours} hours · audience {audience}</source>
        <translation>共 {total} 次活动 · 参加志愿者 {people} 人（{times} 人次）· 服务时长 {hours} 小时 · 受众 {audience} 人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="168"/>
        <source>Delete the activity “{what}” of {day} with its {people} participants&apos; hours?</source>
        <translation>删除 {day} 的活动“{what}”及其 {people} 名参加人的服务时长吗？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="171"/>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="176"/>
        <source>Export activities</source>
        <translation>导出活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activities_page.py" line="176"/>
        <source>activities.xlsx</source>
        <translation>活动.xlsx</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="62"/>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="62"/>
        <source>Record an activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="66"/>
        <source>e.g. spotting fake customer-service refunds</source>
        <translation>如：识破冒充客服退款诈骗</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="75"/>
        <source>e.g. the square by gate 2</source>
        <translation>如：2号门旁广场</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="77"/>
        <source>Name of the unit or operator</source>
        <translation>单位或经营方名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="80"/>
        <source>Incident numbers, separated by spaces</source>
        <translation>警情编号，多个用空格分隔</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="82"/>
        <source>Cases from elsewhere, not in the register</source>
        <translation>本所警情登记之外的案例</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="84"/>
        <source>Counts as training in the service record</source>
        <translation>计入志愿服务记录的培训</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="108"/>
        <source>Type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="108"/>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="109"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="109"/>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="110"/>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="111"/>
        <source>Organised by</source>
        <translation>组织方</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="112"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="115"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="115"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="116"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="117"/>
        <source>Market zone</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="117"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="120"/>
        <source>Audience</source>
        <translation>受众人数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="121"/>
        <source>Leaflets handed out</source>
        <translation>发放宣传资料（份）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="122"/>
        <source>Real cases used</source>
        <translation>所用真实案例（警情）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="123"/>
        <source>Other cases</source>
        <translation>其他案例</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="124"/>
        <source>Households visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="125"/>
        <source>Needs raised</source>
        <translation>收集诉求（条）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="126"/>
        <source>Training subject</source>
        <translation>培训科目</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="129"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="129"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="130"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/activity_dialog.py" line="236"/>
        <source>Not in the incident register: {numbers}</source>
        <translation>警情登记中没有：{numbers}</translation>
    </message>
</context>
<context>
    <name>ActivityTabs</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="49"/>
        <source>Incidents ({count})</source>
        <translation>警情（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="50"/>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="57"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="50"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="50"/>
        <source>Category</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="50"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="50"/>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="56"/>
        <source>Clues ({count})</source>
        <translation>线索（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="57"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="57"/>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="64"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="57"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="63"/>
        <source>Mediation cases ({count})</source>
        <translation>调解案件（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="64"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="64"/>
        <source>Registered</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="64"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="64"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="68"/>
        <source>Duty ({count})</source>
        <translation>值班（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="70"/>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="72"/>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="74"/>
        <source>Points ({count})</source>
        <translation>积分（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="78"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="78"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="78"/>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="79"/>
        <source>Lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="79"/>
        <source>Replaced</source>
        <translation>已换发</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="82"/>
        <source>Card number</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="82"/>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="82"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="83"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="83"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="87"/>
        <source>Print this volunteer&apos;s card…</source>
        <translation>打印此人的志愿者证…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/activity_tabs.py" line="98"/>
        <source>ID cards ({count})</source>
        <translation>志愿者证（{count}）</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="47"/>
        <source>Assign or replace — {place}</source>
        <translation>指定或更换负责人 — {place}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="48"/>
        <source>Name, pinyin, initials or phone</source>
        <translation>姓名、拼音、首字母或手机号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="50"/>
        <source>optional, e.g. retired cadre, property manager</source>
        <translation>可不填，如：退休干部、物业管理员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="64"/>
        <source>Current: {name}</source>
        <translation>现任：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="65"/>
        <source>No current head</source>
        <translation>目前没有负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="67"/>
        <source>Note on the post</source>
        <translation>任职备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="69"/>
        <source>Start date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="71"/>
        <source>Reason for the change</source>
        <translation>更换原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="93"/>
        <source>already heads: {places}</source>
        <translation>已任：{places}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/assign_dialog.py" line="103"/>
        <source>Choose a volunteer</source>
        <translation>请选择一名志愿者</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="46"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="47"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="48"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="75"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="76"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="76"/>
        <source>Attendance</source>
        <translation>考勤登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="81"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="81"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="82"/>
        <source>Signed in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="82"/>
        <source>Signed out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="82"/>
        <source>Stood in by</source>
        <translation>替班人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="87"/>
        <source>P present · L late · A absent · S swap · type the times as HH:MM · Ctrl+S saves</source>
        <translation>P 到岗 · L 迟到 · A 缺勤 · S 换班 · 时间按 HH:MM 输入 · Ctrl+S 保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="90"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="92"/>
        <source>Patrol log…</source>
        <translation>巡逻记录…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="173"/>
        <source>Who served instead?</source>
        <translation>由谁替班？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/attendance_dialog.py" line="199"/>
        <source>{count} shifts saved</source>
        <translation>已保存 {count} 个班次的考勤</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="35"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="40"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="41"/>
        <source>Search summary and changes</source>
        <translation>搜索摘要和变更内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="42"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="49"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="50"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="66"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_filter_bar.py" line="74"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="63"/>
        <source>Verify trail</source>
        <translation>校验日志</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="64"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="78"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="79"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="80"/>
        <source>PC</source>
        <translation>电脑</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="81"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="82"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="83"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="84"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="88"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="121"/>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="126"/>
        <source>Checking every entry of the trail…</source>
        <translation>正在逐条校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="132"/>
        <source>The audit trail is intact: all {count} entries are unchanged and none is missing.</source>
        <translation>审计日志完好：全部 {count} 条记录均未被改动，也没有缺失。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="135"/>
        <source>It agrees with the {n} backups and witness records kept outside the database.</source>
        <translation>与数据库之外保存的 {n} 份备份和见证记录一致。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="139"/>
        <source>The audit trail has been tampered with: {n} problem(s), first bad entry #{first}.</source>
        <translation>审计日志已被篡改：发现 {n} 处问题，第一条异常记录为 #{first}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="156"/>
        <source>Export audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="156"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="173"/>
        <source>Exported {count} entries.</source>
        <translation>已导出 {count} 条记录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/audit_page.py" line="179"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="28"/>
        <source>Correct a commendation</source>
        <translation>更正表彰奖励</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="28"/>
        <source>Record a commendation</source>
        <translation>登记表彰奖励</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="44"/>
        <source>Commendation</source>
        <translation>表彰奖励名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="45"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="46"/>
        <source>Date awarded</source>
        <translation>表彰日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/award_dialog.py" line="47"/>
        <source>Awarded by</source>
        <translation>授予单位</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="62"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="64"/>
        <source>The program backs up the database automatically after changes (at most every 30 minutes), when it closes and before every upgrade. Each backup is checked after it is written.</source>
        <translation>数据有改动后，程序会自动备份数据库（最多每 30 分钟一次），关闭程序时和每次升级前也会备份。每份备份写入后都会校验。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="69"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="70"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="72"/>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="77"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="78"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="79"/>
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="80"/>
        <source>Export to file…</source>
        <translation>导出到文件…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="97"/>
        <source>This database is on a server; it is backed up by the server&apos;s administrator, not by this program.</source>
        <translation>本数据库位于服务器上，由服务器管理员负责备份，不由本程序备份。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="102"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="102"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="103"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="103"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="117"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="118"/>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="119"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="120"/>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="121"/>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="171"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="173"/>
        <source>Backed up and verified: {path}</source>
        <translation>已备份并校验：{path}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="198"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="199"/>
        <source>Backups (*.rbk *.sqlite3 *.db);;All files (*)</source>
        <translation>备份文件 (*.rbk *.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="227"/>
        <source>Encrypted backups (*.rbk)</source>
        <translation>加密备份 (*.rbk)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="236"/>
        <source>Exported, encrypted and verified ({count} volunteers): {path}</source>
        <translation>已导出、加密并校验（志愿者 {count} 名）：{path}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="210"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="211"/>
        <source>Replace the current database with the backup of {when}?

Everything entered since then is replaced. The current database is first saved as a &quot;Before restore&quot; backup, so this can be undone.</source>
        <translation>用 {when} 的备份替换当前数据库？

此后录入的内容都会被替换。当前数据库会先另存为“恢复前”备份，因此可以撤销。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="218"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="221"/>
        <source>Restored. The previous database was kept as a &quot;Before restore&quot; backup.</source>
        <translation>已恢复。原数据库已保存为“恢复前”备份。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="226"/>
        <source>Export a backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="234"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/backup_page.py" line="240"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>BatchCertificates</name>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="38"/>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="47"/>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="74"/>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="83"/>
        <source>Batch certificates</source>
        <translation>批量出具证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="39"/>
        <source>Certificates for everyone ranked with at least this many hours from {first} to {last}:</source>
        <translation>为 {first} 至 {last} 排名中服务时长不少于以下小时数的志愿者出具证明：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="48"/>
        <source>Nobody in the ranking has {hours} hours or more.</source>
        <translation>排名中没有服务时长达到 {hours} 小时的志愿者。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="52"/>
        <source>Save the certificates</source>
        <translation>保存证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="53"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="58"/>
        <source>Issuing {count} certificates…</source>
        <translation>正在出具 {count} 份证明…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="75"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="78"/>
        <source>{count} certificates ({first}–{last}) saved to {file}.</source>
        <translation>{count} 份证明（{first}—{last}）已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/batch_certificates.py" line="82"/>
        <source>Without service in the period: {names}</source>
        <translation>该期间没有服务记录：{names}</translation>
    </message>
</context>
<context>
    <name>BulkBuildingsDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="31"/>
        <source>Add buildings to {site}</source>
        <translation>批量添加楼栋 — {site}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="32"/>
        <source>e.g. 1-24栋</source>
        <translation>如：1-24栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="40"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="41"/>
        <source>Units each</source>
        <translation>每栋单元数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="42"/>
        <source>Households each</source>
        <translation>每栋户数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="62"/>
        <source>Type a range such as 1-24栋; the buildings it adds are listed here.</source>
        <translation>输入范围，如 1-24栋；将新增的楼栋会列在这里。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="65"/>
        <source>Adds {n}: {labels}</source>
        <translation>将新增 {n} 栋：{labels}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="65"/>
        <source>Adds none</source>
        <translation>没有可新增的楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/bulk_buildings_dialog.py" line="67"/>
        <source> ({n} already exist and are skipped)</source>
        <translation>（{n} 栋已存在，将跳过）</translation>
    </message>
</context>
<context>
    <name>CardDesignPanel</name>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="49"/>
        <source>Save design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="59"/>
        <source>Card title</source>
        <translation>证件标题</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="60"/>
        <source>Duties (back)</source>
        <translation>使用须知（背面）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="61"/>
        <source>Station phone</source>
        <translation>派出所电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="62"/>
        <source>Empty: card backs carry no number to call</source>
        <translation>留空则证件背面没有联系电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="63"/>
        <source>Return text</source>
        <translation>拾到归还说明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="64"/>
        <source>Write {station} where the station&apos;s name is to be printed.</source>
        <translation>在要印派出所名称的位置写 {station}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="65"/>
        <source>Valid for (years)</source>
        <translation>有效期（年）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="66"/>
        <source>Warn days before expiry</source>
        <translation>到期前提醒（天）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="67"/>
        <source>Front offset x</source>
        <translation>正面横向偏移</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="67"/>
        <source>Front offset y</source>
        <translation>正面纵向偏移</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="67"/>
        <source>Back offset x</source>
        <translation>背面横向偏移</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/design_panel.py" line="67"/>
        <source>Back offset y</source>
        <translation>背面纵向偏移</translation>
    </message>
</context>
<context>
    <name>CardRegisterPanel</name>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="48"/>
        <source>Card number or name</source>
        <translation>证号或姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="55"/>
        <source>Re-issue</source>
        <translation>换发新证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="56"/>
        <source>Revoke…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="57"/>
        <source>Report lost…</source>
        <translation>挂失…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="58"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="68"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="68"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="68"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="69"/>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="69"/>
        <source>Lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="69"/>
        <source>Replaced</source>
        <translation>已换发</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="70"/>
        <source>Running out within 30 days</source>
        <translation>30天内到期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="74"/>
        <source>Card number</source>
        <translation>证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="74"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="74"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="74"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="74"/>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="75"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="75"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="75"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="149"/>
        <source>{n} cards shown</source>
        <translation>共 {n} 张证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="157"/>
        <source>Export the card register</source>
        <translation>导出证件登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="157"/>
        <source>cards.xlsx</source>
        <translation>志愿者证登记.xlsx</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="164"/>
        <source>{n} card(s) run out within {days} days.</source>
        <translation>{n} 张证件将在 {days} 天内到期。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="166"/>
        <source>{n} active volunteer(s) have no valid card.</source>
        <translation>{n} 名在岗志愿者没有有效证件。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="194"/>
        <source>Report card lost</source>
        <translation>证件挂失</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="194"/>
        <source>Revoke card</source>
        <translation>注销证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/register_panel.py" line="195"/>
        <source>Reason for {card}:</source>
        <translation>{card} 的原因：</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../redband_desktop/ui/cards/cards_page.py" line="32"/>
        <source>Card register</source>
        <translation>证件登记簿</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/cards_page.py" line="33"/>
        <source>Print cards</source>
        <translation>打印证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/cards_page.py" line="34"/>
        <source>Card design</source>
        <translation>证件样式</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="68"/>
        <source>Registration</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="68"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="69"/>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="69"/>
        <source>Sessions</source>
        <translation>调解</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="70"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="70"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="71"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="92"/>
        <source>Mediation case {number}</source>
        <translation>调解案卷 {number}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="108"/>
        <source>Stage: {stage}</source>
        <translation>阶段：{stage}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="111"/>
        <source>Deadline {date}</source>
        <translation>期限 {date}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="113"/>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="113"/>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="121"/>
        <source>Extended: {reason}</source>
        <translation>已延期：{reason}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="123"/>
        <source>Follow-up visit due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="126"/>
        <source>Closed {date}</source>
        <translation>{date} 结案</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/case_window.py" line="132"/>
        <source>From incident {number}</source>
        <translation>来自警情 {number}</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="54"/>
        <source>Service certificate — {name}</source>
        <translation>志愿服务证明——{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="62"/>
        <source>Issue certificate</source>
        <translation>出具证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="65"/>
        <source>Certificates carry the full ID number: your account may not see full personal data.</source>
        <translation>证明载有完整身份证号：您的账号无权查看完整个人信息。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="68"/>
        <source>Number</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="68"/>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="68"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="69"/>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="75"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="78"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="79"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="97"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="99"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="101"/>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="106"/>
        <source>Certificates issued</source>
        <translation>已出具的证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="131"/>
        <source>{hours} hours</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="151"/>
        <source>Certificate {number} issued.</source>
        <translation>已出具证明 {number}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="163"/>
        <source>Certificate {number} shown again under its number.</source>
        <translation>已按原编号重新生成证明 {number}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="175"/>
        <source>Save certificate</source>
        <translation>保存证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="176"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="182"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/certificate_dialog.py" line="184"/>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="31"/>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="48"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="39"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="41"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="43"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="45"/>
        <source>At least 8 characters, mixing three of: upper-case letters, lower-case letters, digits, symbols. It must not contain your user name.</source>
        <translation>至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三种，且不能包含用户名。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/change_password_dialog.py" line="55"/>
        <source>Your password was set by an administrator. Choose your own password before you continue.</source>
        <translation>您的密码是由管理员设置的。请先设置您自己的密码，然后继续使用。</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="108"/>
        <source>Close clue</source>
        <translation>办结线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="111"/>
        <source>Incident number or summary</source>
        <translation>警情编号或简要情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="113"/>
        <source>Closed as</source>
        <translation>办结方式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="114"/>
        <source>Find the incident</source>
        <translation>查找警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="115"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
</context>
<context>
    <name>ClueDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="42"/>
        <source>Edit clue {number}</source>
        <translation>修改线索 {number}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="43"/>
        <source>New clue report</source>
        <translation>新线索上报</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="53"/>
        <source>e.g. the gate of building 3</source>
        <translation>如：3栋门口</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="55"/>
        <source>What the volunteer saw or heard</source>
        <translation>志愿者看到或听到的情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="73"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="75"/>
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="76"/>
        <source>Reported at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="77"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="77"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="78"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="78"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="79"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="80"/>
        <source>Market zone</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="81"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="81"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clue_dialog.py" line="82"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>CluesPage</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="73"/>
        <source>Number, content, place or reporter (name or pinyin)</source>
        <translation>编号、内容、地点或上报人（姓名或拼音）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="74"/>
        <source>Reported from</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="75"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="76"/>
        <source>Any urgency</source>
        <translation>全部紧急程度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="79"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="80"/>
        <source>Waiting for feedback</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="84"/>
        <source>New clue…</source>
        <translation>上报线索…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="85"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="86"/>
        <source>Verify…</source>
        <translation>核实…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="87"/>
        <source>Transfer…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="88"/>
        <source>Close…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="89"/>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="90"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="101"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="102"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="103"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="104"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="107"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="108"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="109"/>
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="110"/>
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="111"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="112"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="112"/>
        <source>given</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="113"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="118"/>
        <source>Clue reports</source>
        <translation>线索上报</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="198"/>
        <source>{total} clues: {states} · urgent or critical {urgent} · led to incidents {led} · awaiting feedback {waiting}</source>
        <translation>共 {total} 条线索：{states} · 紧急或特急 {urgent} · 引发警情 {led} · 待反馈 {waiting}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="229"/>
        <source>Export clues</source>
        <translation>导出线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/clues_page.py" line="230"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>CommitteePrompt</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/committee_prompt.py" line="45"/>
        <source>Printed for “{name}”; an administrator can set the committee&apos;s own name in File → Station settings….</source>
        <translation>按“{name}”打印；调解委员会的正式名称可由管理员在“文件 → 派出所设置…”中设置。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/committee_prompt.py" line="51"/>
        <source>Printed for “{name}” (the suggestion); set the committee&apos;s own name in File → Station settings….</source>
        <translation>按建议名称“{name}”打印；可在“文件 → 派出所设置…”中设置调解委员会的正式名称。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/committee_prompt.py" line="56"/>
        <source>Mediation committee</source>
        <translation>人民调解委员会</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/committee_prompt.py" line="57"/>
        <source>The people&apos;s mediation committee whose name and seal go on mediation documents
(often the community&apos;s or the street&apos;s). Asked once; it can be changed later
in File → Station settings….</source>
        <translation>调解文书上署名并加盖印章的人民调解委员会（通常是社区或街道的调解委员会）。
只询问这一次，以后可在“文件 → 派出所设置…”中修改。</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="75"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="75"/>
        <source>Covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="75"/>
        <source>Zones</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="76"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="78"/>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="79"/>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="80"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="79"/>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="80"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="80"/>
        <source>Building / zone</source>
        <translation>楼栋/市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="81"/>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="81"/>
        <source>Gap</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="87"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="88"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="129"/>
        <source>Covered: {covered} of {total} buildings and zones ({percent}) — {gaps} gaps</source>
        <translation>已覆盖：{total} 个楼栋和市场片区中的 {covered} 个（{percent}），缺口 {gaps} 处</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="131"/>
        <source>Whole station</source>
        <translation>全所合计</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="148"/>
        <source>{n} gaps — double-click one to assign a head</source>
        <translation>缺口 {n} 处——双击一处即可指定负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="174"/>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="182"/>
        <source>Export coverage</source>
        <translation>导出覆盖情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="174"/>
        <source>coverage.xlsx</source>
        <translation>定点见红覆盖情况.xlsx</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/coverage/coverage_page.py" line="175"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="32"/>
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="34"/>
        <source>A database file on this PC, or a PostgreSQL server on the station&apos;s intranet shared by several PCs, e.g. postgresql://user:password@server/redband. The new location is used from the next start.</source>
        <translation>可以是本机上的数据库文件，也可以是所内局域网上供多台电脑共用的 PostgreSQL 服务器，例如 postgresql://用户名:密码@服务器/redband。新位置在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="41"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="45"/>
        <source>Test</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="47"/>
        <source>Use the default file</source>
        <translation>使用默认文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="66"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="66"/>
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="88"/>
        <source>Nothing there yet: a new station database will be created at the next start.</source>
        <translation>此处尚无数据库：下次启动时将新建派出所数据库。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="89"/>
        <source>A station database of this version: ready to use.</source>
        <translation>本版本的派出所数据库，可以使用。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/database_dialog.py" line="90"/>
        <source>A station database of an older version: it is backed up and upgraded at the next start.</source>
        <translation>旧版本的派出所数据库：下次启动时先备份再升级。</translation>
    </message>
</context>
<context>
    <name>DistrictFormWidget</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="39"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="43"/>
        <source>District</source>
        <translation>片区名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="43"/>
        <source>Community officer</source>
        <translation>社区民警</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="44"/>
        <source>Police number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="45"/>
        <source>Officer phone</source>
        <translation>民警电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/district_form.py" line="62"/>
        <source>{sites} sites, {volunteers} volunteers</source>
        <translation>{sites} 个场所，{volunteers} 名志愿者</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="52"/>
        <source>Mediation agreement (协议书)</source>
        <translation>人民调解协议书</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="53"/>
        <source>Session records (调解记录)</source>
        <translation>调解记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="54"/>
        <source>Follow-up records (回访记录)</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="55"/>
        <source>Whole case file (卷宗)</source>
        <translation>整卷卷宗</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="60"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="61"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="64"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="112"/>
        <source>Preparing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="132"/>
        <source>{pages} page(s)</source>
        <translation>共 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="154"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="155"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/documents_tab.py" line="161"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>DutyTab</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="33"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="33"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="33"/>
        <source>Attended</source>
        <translation>到岗</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="34"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="34"/>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="41"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="40"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="40"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="40"/>
        <source>Duty type</source>
        <translation>值班类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="41"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="58"/>
        <source>Stood in for {name}</source>
        <translation>替{name}值班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="60"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/duty_tab.py" line="63"/>
        <source>{status} ({name} served)</source>
        <translation>{status}（{name}替班）</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/records/evaluation_dialog.py" line="33"/>
        <source>Yearly evaluation</source>
        <translation>年度评价</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/evaluation_dialog.py" line="46"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/evaluation_dialog.py" line="46"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/evaluation_dialog.py" line="47"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/extend_dialog.py" line="17"/>
        <source>Extend the deadline</source>
        <translation>延长调解期限</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/extend_dialog.py" line="19"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/extend_dialog.py" line="21"/>
        <source>Both parties agreed to the extension</source>
        <translation>双方当事人同意延期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/extend_dialog.py" line="23"/>
        <source>Extend by</source>
        <translation>延长</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/extend_dialog.py" line="23"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="153"/>
        <source>Feedback to the volunteer</source>
        <translation>向志愿者反馈</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="155"/>
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="158"/>
        <source>What the volunteer was told came of the clue</source>
        <translation>告知志愿者的线索处理结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="159"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="32"/>
        <source>Sheet</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="33"/>
        <source>Excel, WPS or CSV sheets of volunteers, or of buildings with their heads.</source>
        <translation>Excel、WPS 或 CSV 表格：志愿者花名册，或楼栋及楼栋长名单。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="35"/>
        <source>Choose a file with Browse…</source>
        <translation>点击“浏览…”选择文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="36"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="39"/>
        <source>Volunteers (roster)</source>
        <translation>志愿者（花名册）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="40"/>
        <source>Building heads and zone leads</source>
        <translation>楼栋长和市场片区负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="48"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="50"/>
        <source>It holds</source>
        <translation>表格内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="51"/>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="56"/>
        <source>Import a sheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/file_page.py" line="57"/>
        <source>Sheets ({patterns})</source>
        <translation>表格 ({patterns})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="53"/>
        <source>Welcome to 红袖标 Desktop</source>
        <translation>欢迎使用红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="82"/>
        <source>This is the first start. Enter the name of your police station to create its database on this computer. You can load a demonstration station (6 districts, 43 compounds, 2 markets, 12 organisations and 1,100 fictitious volunteers) to try the program out.</source>
        <translation>这是首次启动。请输入派出所名称，程序将在本机建立数据库。也可以载入演示数据（6 个片区、43 个小区、2 个市场、12 家单位和 1,100 名虚构的志愿者）试用本程序。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="58"/>
        <source>e.g. 金家河派出所</source>
        <translation>例如：金家河派出所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="60"/>
        <source>Load demonstration data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="69"/>
        <source>Create station</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="69"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="79"/>
        <source>This station&apos;s database has no user accounts yet. Create the first administrator; you will be signed in as them.</source>
        <translation>本所数据库还没有任何用户账号。请创建第一个管理员账号，创建后将以该账号登录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="91"/>
        <source>Station name</source>
        <translation>派出所名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="94"/>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="98"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="99"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="100"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="101"/>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="105"/>
        <source>At least 8 characters, mixing three of: upper-case letters, lower-case letters, digits, symbols. Keep it safe: this account manages all others.</source>
        <translation>至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三种。请妥善保管：此账号管理所有其他账号。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/first_run_dialog.py" line="131"/>
        <source>Loading the demonstration station…</source>
        <translation>正在载入演示数据…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="20"/>
        <source>Add a follow-up visit</source>
        <translation>添加回访记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="25"/>
        <source>The agreement has been carried out</source>
        <translation>协议已履行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="26"/>
        <source>(not asked)</source>
        <translation>（未询问）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="28"/>
        <source>None, or what was seen or heard</source>
        <translation>无，或所见所闻</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="31"/>
        <source>Party visited</source>
        <translation>回访对象</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="31"/>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="32"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="33"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="34"/>
        <source>Signs of escalation</source>
        <translation>矛盾激化迹象</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_up_dialog.py" line="35"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="30"/>
        <source>Visited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="30"/>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="30"/>
        <source>Visitor</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="30"/>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="31"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="31"/>
        <source>Signs of escalation</source>
        <translation>矛盾激化迹象</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="31"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="33"/>
        <source>Add visit…</source>
        <translation>添加回访…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="53"/>
        <source>Visits follow an agreement; this case has none (yet).</source>
        <translation>回访在达成协议之后进行；本案尚无协议。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="55"/>
        <source>{count} visit(s) on file.</source>
        <translation>已有 {count} 次回访记录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="58"/>
        <source>Follow-up visit due since {date}.</source>
        <translation>应于 {date} 起回访，已到期。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="59"/>
        <source>First follow-up visit due on {date}.</source>
        <translation>首次回访应在 {date}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="63"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/follow_ups_tab.py" line="63"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/generate_dialog.py" line="28"/>
        <source>Generate shifts</source>
        <translation>生成班次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/generate_dialog.py" line="36"/>
        <source>Shifts are made from every active template; skipped days are left out and shifts already there are kept as they are.</source>
        <translation>按所有启用的排班模板生成班次；停班日期不生成，已有的班次保持不变。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/generate_dialog.py" line="38"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/generate_dialog.py" line="38"/>
        <source>To</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/guide_dialog.py" line="25"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/guide_dialog.py" line="31"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/guide_dialog.py" line="35"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="66"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="66"/>
        <source>active volunteers</source>
        <translation>在岗志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="66"/>
        <source>joined this month</source>
        <translation>本月加入</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="67"/>
        <source>left this month</source>
        <translation>本月退出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="68"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="68"/>
        <source>buildings with a head</source>
        <translation>楼栋长覆盖率</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="68"/>
        <source>market zones with a lead</source>
        <translation>市场片区负责人覆盖率</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="69"/>
        <source>heads without a valid card</source>
        <translation>负责人无有效证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="70"/>
        <source>Incidents and clues</source>
        <translation>警情与线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="70"/>
        <source>open incidents</source>
        <translation>处理中的警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="71"/>
        <source>clues waiting to be verified</source>
        <translation>待核实线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="72"/>
        <source>clues waiting for feedback</source>
        <translation>待反馈线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="73"/>
        <source>Mediation</source>
        <translation>人民调解</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="73"/>
        <source>cases overdue</source>
        <translation>已超期案件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="73"/>
        <source>cases due within 7 days</source>
        <translation>7天内到期案件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="74"/>
        <source>follow-up visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="75"/>
        <source>Cards and backups</source>
        <translation>证件与备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="75"/>
        <source>cards running out within 30 days</source>
        <translation>30天内到期证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="76"/>
        <source>last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="93"/>
        <source> — {district}</source>
        <translation>——{district}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="94"/>
        <source>Today&apos;s work, {day}</source>
        <translation>今日工作台（{day}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="117"/>
        <source>never</source>
        <translation>从未备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="122"/>
        <source>{days} d {hours} h ago</source>
        <translation>{days}天{hours}小时前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="124"/>
        <source>{hours} h ago</source>
        <translation>{hours}小时前</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/home/home_page.py" line="126"/>
        <source>within the hour</source>
        <translation>一小时内</translation>
    </message>
</context>
<context>
    <name>IdNumberHint</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="55"/>
        <source>{typed} of 18 characters typed</source>
        <translation>已输入 {typed} / 18 位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="57"/>
        <source>This is not a valid ID number</source>
        <translation>不是有效的身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="62"/>
        <source>unknown region</source>
        <translation>地区未收录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/id_number_hint.py" line="63"/>
        <source>Birth date {date} · {gender} · {region}</source>
        <translation>出生日期 {date} · {gender} · {region}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="53"/>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="62"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="167"/>
        <source>Save mapping</source>
        <translation>保存列对应</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="168"/>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="184"/>
        <source>Mapping (*.json)</source>
        <translation>列对应 (*.json)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="176"/>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="275"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="183"/>
        <source>Load mapping</source>
        <translation>载入列对应</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="192"/>
        <source>{file} is not a saved mapping.</source>
        <translation>{file} 不是保存的列对应文件。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="222"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="250"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="257"/>
        <source>Imported from {file}: {new} new, {updated} updated, {places} places created.</source>
        <translation>已从 {file} 导入：新增 {new} 人，更新 {updated} 人，新建地点 {places} 个。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="264"/>
        <source>-problems</source>
        <translation>-问题行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="265"/>
        <source>Save error report</source>
        <translation>保存问题报告</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/import_wizard.py" line="266"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="60"/>
        <source>Edit incident</source>
        <translation>修改警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="60"/>
        <source>Record an incident</source>
        <translation>登记警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="64"/>
        <source>Time of occurrence known</source>
        <translation>已知发案时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="68"/>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="138"/>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="149"/>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="158"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="69"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="76"/>
        <source>Keep the caller confidential</source>
        <translation>报警人信息保密</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="98"/>
        <source>Received at</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="99"/>
        <source>Occurred at</source>
        <translation>发案时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="99"/>
        <source>Channel</source>
        <translation>警情来源</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="100"/>
        <source>Category</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="100"/>
        <source>Subtype</source>
        <translation>细类</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="101"/>
        <source>Fraud method</source>
        <translation>诈骗手法</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="101"/>
        <source>Loss</source>
        <translation>损失金额</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="104"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="104"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="105"/>
        <source>Building or zone</source>
        <translation>楼栋或市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="105"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="106"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="107"/>
        <source>Caller phone</source>
        <translation>报警人电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="110"/>
        <source>Summary</source>
        <translation>简要情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="184"/>
        <source>(confidential)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="108"/>
        <source>Handling officer</source>
        <translation>处置民警</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="110"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incident_dialog.py" line="118"/>
        <source>Mediation case</source>
        <translation>调解案卷</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="56"/>
        <source>Number, summary, place or caller</source>
        <translation>编号、简要情况、地点或报警人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="57"/>
        <source>Received from</source>
        <translation>接警日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="58"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="62"/>
        <source>With or without volunteers</source>
        <translation>有无志愿者参与</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="62"/>
        <source>Volunteers took part</source>
        <translation>有志愿者参与</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="63"/>
        <source>No volunteers</source>
        <translation>无志愿者参与</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="65"/>
        <source>Open and closed</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="66"/>
        <source>All channels</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="67"/>
        <source>Record an incident…</source>
        <translation>登记警情…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="68"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="69"/>
        <source>Close…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="70"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="71"/>
        <source>To mediation…</source>
        <translation>移交调解…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="72"/>
        <source>Register a people&apos;s mediation case for this dispute, linked to it</source>
        <translation>为该纠纷警情受理人民调解案件，并与之关联</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="73"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="77"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="89"/>
        <source>Number</source>
        <translation>警情编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="90"/>
        <source>Received</source>
        <translation>接警时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="91"/>
        <source>Category</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="92"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="93"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="94"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="94"/>
        <source>(confidential)</source>
        <translation>（保密）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="98"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="99"/>
        <source>Summary</source>
        <translation>简要情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="100"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="105"/>
        <source>Incident register</source>
        <translation>警情登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="163"/>
        <source>Showing: {what}</source>
        <translation>当前显示：{what}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="164"/>
        <source> (by date of occurrence)</source>
        <translation>（按发案时间）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="190"/>
        <source>{total} incidents, {open} open, loss {loss} yuan</source>
        <translation>共 {total} 起，处理中 {open} 起，损失 {loss} 元</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="210"/>
        <source>Close incident</source>
        <translation>办结警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="210"/>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="220"/>
        <source>Reopen incident</source>
        <translation>重新打开警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="220"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="229"/>
        <source>Register a people&apos;s mediation case for dispute {number}? The case is linked to this incident and starts with its place, summary and caller.</source>
        <translation>为纠纷警情 {number} 受理人民调解案件？案件与该警情关联，并带入其地点、简要情况和报警人。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="231"/>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="235"/>
        <source>To mediation</source>
        <translation>移交调解</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="236"/>
        <source>Mediation case {case} registered. Open it on the Mediation page to add parties and sessions.</source>
        <translation>已受理调解案件 {case}。请在“人民调解”页打开该案卷，补充当事人和调解记录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="245"/>
        <source>Export incidents</source>
        <translation>导出警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/incidents_page.py" line="246"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>InvestigationDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="17"/>
        <source>Add an investigation</source>
        <translation>添加调查记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="21"/>
        <source>Who was asked</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="24"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="24"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="25"/>
        <source>Investigator</source>
        <translation>调查人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="26"/>
        <source>Interviewed</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_dialog.py" line="27"/>
        <source>Findings</source>
        <translation>调查情况</translation>
    </message>
</context>
<context>
    <name>InvestigationTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="25"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="25"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="25"/>
        <source>Investigator</source>
        <translation>调查人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="25"/>
        <source>Interviewed</source>
        <translation>被调查人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="26"/>
        <source>Findings</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="28"/>
        <source>Add investigation…</source>
        <translation>添加调查…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/investigation_tab.py" line="43"/>
        <source>The case is at “{stage}”: no more investigations.</source>
        <translation>本案处于“{stage}”阶段，不能再添加调查记录。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="48"/>
        <source>Locked — 红袖标 Desktop</source>
        <translation>已锁定 — 红袖标 Desktop</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="58"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="61"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="70"/>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="73"/>
        <source>The account of {user} was deactivated by an administrator, so the program was locked. Sign out to let someone else sign in.</source>
        <translation>{user} 的账号已被管理员停用，程序已锁定。请注销，由其他人员登录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/lock_dialog.py" line="76"/>
        <source>No input for a while, so the program was locked to protect personal data. {user}, enter your password to continue.</source>
        <translation>长时间无操作，为保护个人信息，程序已锁定。{user}，请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="140"/>
        <source>Home</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="143"/>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="144"/>
        <source>Volunteer roster</source>
        <translation>志愿者花名册</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="146"/>
        <source>Sites</source>
        <translation>场所管理</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="147"/>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="149"/>
        <source>ID cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="150"/>
        <source>Verify card</source>
        <translation>证件验证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="151"/>
        <source>Mediation</source>
        <translation>人民调解</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="152"/>
        <source>Incidents</source>
        <translation>警情登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="153"/>
        <source>Clue reports</source>
        <translation>线索上报</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="154"/>
        <source>Duty rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="155"/>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="157"/>
        <source>Recognition</source>
        <translation>表彰</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="159"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="161"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="163"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="46"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="50"/>
        <source>Import portraits…</source>
        <translation>导入照片…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="56"/>
        <source>Districts and sites…</source>
        <translation>片区与场所…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="59"/>
        <source>Database location…</source>
        <translation>数据库位置…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="62"/>
        <source>Station settings…</source>
        <translation>派出所设置…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="66"/>
        <source>Points rules…</source>
        <translation>积分规则…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="70"/>
        <source>Points ranking…</source>
        <translation>积分排行…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="75"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="98"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="99"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="104"/>
        <source>About 红袖标 Desktop</source>
        <translation>关于红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="83"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="85"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="87"/>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_menus.py" line="89"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="219"/>
        <source>{station} — 红袖标 Desktop</source>
        <translation>{station} — 红袖标</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="227"/>
        <source>Signed in as {user}</source>
        <translation>已登录：{user}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/main_window.py" line="261"/>
        <source>Open incidents</source>
        <translation>处理中的警情</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="41"/>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="42"/>
        <source>Check which column holds each field; fields marked * are needed.</source>
        <translation>请核对每一项对应表格中的哪一列；标 * 的为必需项。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="48"/>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="49"/>
        <source>(none: the sheet&apos;s column)</source>
        <translation>（无：按表格中的列）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="50"/>
        <source>Save mapping…</source>
        <translation>保存列对应…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="51"/>
        <source>Load mapping…</source>
        <translation>载入列对应…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="61"/>
        <source>Header row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="63"/>
        <source>(the row numbers are the sheet&apos;s own)</source>
        <translation>（行号即表格中的行号）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="64"/>
        <source>For every row where the sheet has no such column</source>
        <translation>表格中没有该列时，每行统一使用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="68"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="124"/>
        <source>(not in the sheet)</source>
        <translation>（表格中没有）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="126"/>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/mapping_page.py" line="157"/>
        <source>Saved as {file}; it is used again for sheets with the same headers.</source>
        <translation>已保存为 {file}；以后表头相同的表格会自动使用。</translation>
    </message>
</context>
<context>
    <name>MediationPage</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="58"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="59"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="60"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="61"/>
        <source>Registered from</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="63"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="64"/>
        <source>Follow-up due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="65"/>
        <source>Name or case number</source>
        <translation>姓名或案号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="69"/>
        <source>Register a dispute…</source>
        <translation>受理登记…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="70"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="73"/>
        <source>Print case file…</source>
        <translation>打印卷宗…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="74"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="84"/>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="85"/>
        <source>Registered</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="86"/>
        <source>Type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="87"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="88"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="89"/>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="90"/>
        <source>Summary</source>
        <translation>纠纷简要</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="91"/>
        <source>Deadline</source>
        <translation>调解期限</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="96"/>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="97"/>
        <source>follow-up due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="98"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="102"/>
        <source>People&apos;s mediation</source>
        <translation>人民调解</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="175"/>
        <source>{count} cases</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="217"/>
        <source>Save case file</source>
        <translation>保存卷宗</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="218"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="224"/>
        <source>Export case book</source>
        <translation>导出调解台账</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/mediation_page.py" line="225"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>OutcomeEditor</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="37"/>
        <source>Performed by a set date</source>
        <translation>限期履行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="42"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="43"/>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="45"/>
        <source>Kept a civil dispute from turning criminal (防止民转刑)</source>
        <translation>防止民转刑</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="48"/>
        <source>e.g. 西山区人民法院</source>
        <translation>如：西山区人民法院</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="55"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="55"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="56"/>
        <source>Agreed terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="57"/>
        <source>How it is performed</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="58"/>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="59"/>
        <source>Where</source>
        <translation>履行地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="59"/>
        <source>Amount</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="60"/>
        <source>Copies of the agreement</source>
        <translation>协议份数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="61"/>
        <source>Why no agreement</source>
        <translation>未达成协议原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_editor.py" line="62"/>
        <source>Parties referred to</source>
        <translation>告知当事人的途径</translation>
    </message>
</context>
<context>
    <name>OutcomeTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="55"/>
        <source>Record outcome</source>
        <translation>记录调解结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="56"/>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="56"/>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="56"/>
        <source>Proof</source>
        <translation>履行凭证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="59"/>
        <source>Add performance check…</source>
        <translation>添加履行核查…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="61"/>
        <source>Close case (结案)…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="70"/>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="124"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="79"/>
        <source>Performance of the agreement</source>
        <translation>协议履行情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="86"/>
        <source>Closing the file</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="89"/>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="124"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="126"/>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="127"/>
        <source>Agreed terms</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="127"/>
        <source>How it is performed</source>
        <translation>履行方式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="128"/>
        <source>Perform by</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="129"/>
        <source>Where</source>
        <translation>履行地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="129"/>
        <source>Amount</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="130"/>
        <source>Kept a civil dispute from turning criminal (防止民转刑)</source>
        <translation>防止民转刑</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="131"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="131"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="133"/>
        <source>Copies of the agreement</source>
        <translation>协议份数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="135"/>
        <source>Why no agreement</source>
        <translation>未达成协议原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="135"/>
        <source>Parties referred to</source>
        <translation>告知当事人的途径</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="143"/>
        <source>Closed on {date}.</source>
        <translation>已于 {date} 结案。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="145"/>
        <source>A case is closed once its outcome is recorded.</source>
        <translation>记录调解结果后才能结案。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="147"/>
        <source>No follow-up visit yet: visit the parties before closing if you can.</source>
        <translation>尚未回访：如有可能，请在结案前回访当事人。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="164"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/outcome_tab.py" line="165"/>
        <source>Close {number} on {date}? Nothing more can be recorded afterwards.</source>
        <translation>确定于 {date} 将 {number} 结案？结案后不能再添加记录。</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="40"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="40"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="40"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="50"/>
        <source>Add volunteer…</source>
        <translation>添加志愿者…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="51"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="83"/>
        <source>whole activity</source>
        <translation>全程</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/activities/participants_box.py" line="99"/>
        <source>Add a volunteer to the activity</source>
        <translation>添加活动参加人</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="29"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="29"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="29"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="29"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="30"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="30"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="30"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="30"/>
        <source>Address or employer</source>
        <translation>住址或工作单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="31"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="35"/>
        <source>Add party…</source>
        <translation>添加当事人…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="36"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="54"/>
        <source>An agreement needs at least one of each side; missing: {roles}</source>
        <translation>达成协议须双方当事人齐全，尚缺：{roles}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="69"/>
        <source>Parties named in a recorded outcome stay on file</source>
        <translation>已记录调解结果，当事人不能再移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="84"/>
        <source>Remove party</source>
        <translation>移除当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/parties_tab.py" line="85"/>
        <source>Remove {name} from this case?</source>
        <translation>确定从本案中移除 {name}？</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="26"/>
        <source>Add a party</source>
        <translation>添加当事人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="29"/>
        <source>Person or organisation</source>
        <translation>个人或单位名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="30"/>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="34"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="41"/>
        <source>Name and relation, e.g. 王丽（妻子）</source>
        <translation>姓名及关系，如：王丽（妻子）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="43"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="43"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="44"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="44"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="45"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="45"/>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="46"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="47"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="47"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="48"/>
        <source>Address or employer</source>
        <translation>住址或工作单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/party_dialog.py" line="48"/>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/passphrase_dialog.py" line="34"/>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/passphrase_dialog.py" line="41"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/passphrase_dialog.py" line="44"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/passphrase_dialog.py" line="62"/>
        <source>{file} is encrypted. Type the passphrase it was exported with.</source>
        <translation>{file} 已加密，请输入导出时设置的口令。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/passphrase_dialog.py" line="63"/>
        <source>The exported copy holds every volunteer&apos;s ID number and phone, so it is encrypted. Choose a passphrase of at least 10 characters and type it twice. Keep it apart from the copy: without it the copy cannot be restored, by anyone.</source>
        <translation>导出的副本含有每位志愿者的身份证号和电话，因此会加密。请设置至少 10 个字符的口令并输入两次。口令请与副本分开保管：没有口令，任何人都无法恢复这份副本。</translation>
    </message>
</context>
<context>
    <name>PatrolLogDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="63"/>
        <source>Patrol log: {place} {day} {start}–{end} {duty}</source>
        <translation>巡逻记录：{place} {day} {start}–{end} {duty}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="70"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="70"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="70"/>
        <source>Route or places</source>
        <translation>路线或地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="70"/>
        <source>What was seen</source>
        <translation>所见情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="71"/>
        <source>Linked record</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="71"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="78"/>
        <source>e.g. buildings 1–6, the east gate</source>
        <translation>如：1–6栋、东门</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="81"/>
        <source>What the patrol saw, heard or did</source>
        <translation>巡逻中看到、听到或处理的情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="84"/>
        <source>Report a &amp;clue…</source>
        <translation>上报线索(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="85"/>
        <source>Record an &amp;incident…</source>
        <translation>登记警情(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="86"/>
        <source>&amp;Add entry</source>
        <translation>添加记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="115"/>
        <source>New entry</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="118"/>
        <source>&amp;Volunteer</source>
        <translation>志愿者(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="119"/>
        <source>&amp;Route or places</source>
        <translation>路线或地点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="119"/>
        <source>What was &amp;seen</source>
        <translation>所见情况(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="120"/>
        <source>C&amp;lue report</source>
        <translation>线索(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="120"/>
        <source>Inci&amp;dent</source>
        <translation>警情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="134"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="161"/>
        <source>(nobody named)</source>
        <translation>（不署名）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="170"/>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="174"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="227"/>
        <source>Clue {number} saved: it is linked to the entry when you add it</source>
        <translation>线索 {number} 已保存：添加记录时将关联到该记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="249"/>
        <source>Incident {number} saved: it is linked to the entry when you add it</source>
        <translation>警情 {number} 已保存：添加记录时将关联到该记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/patrol_log_dialog.py" line="272"/>
        <source>Entry added</source>
        <translation>记录已添加</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="75"/>
        <source>Sent to {printer} (job {job}).</source>
        <translation>已发送到打印机 {printer}（任务 {job}）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="102"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/performance_dialog.py" line="18"/>
        <source>Check performance</source>
        <translation>核查履行情况</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/performance_dialog.py" line="22"/>
        <source>Receipt, transfer slip, what the parties said…</source>
        <translation>收条、转账凭证、当事人陈述…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/performance_dialog.py" line="23"/>
        <source>Performed</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/performance_dialog.py" line="23"/>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/performance_dialog.py" line="24"/>
        <source>Proof</source>
        <translation>履行凭证</translation>
    </message>
</context>
<context>
    <name>PersonTable</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/person_table.py" line="21"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/person_table.py" line="21"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/person_table.py" line="21"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/person_table.py" line="21"/>
        <source>Building / zone</source>
        <translation>楼栋/市场片区</translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/photo_box.py" line="37"/>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
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
    <name>PhotoViewer</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/attachments_box.py" line="122"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PlaceCombos</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_combos.py" line="36"/>
        <source>Choose a site</source>
        <translation>请选择场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_combos.py" line="38"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_combos.py" line="99"/>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_combos.py" line="120"/>
        <source>No particular building</source>
        <translation>不指定楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_combos.py" line="122"/>
        <source>No particular zone</source>
        <translation>不指定市场片区</translation>
    </message>
</context>
<context>
    <name>PlaceFilter</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_filter.py" line="34"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/place_filter.py" line="61"/>
        <source>All sites</source>
        <translation>全部场所</translation>
    </message>
</context>
<context>
    <name>PlacePanel</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="53"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="54"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="56"/>
        <source>Assign or replace…</source>
        <translation>指定或更换负责人…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="68"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="70"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="71"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="73"/>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="73"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="73"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="74"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="74"/>
        <source>Reason / status</source>
        <translation>原因/状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="91"/>
        <source>Volunteers here</source>
        <translation>在此的志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="116"/>
        <source>Building head</source>
        <translation>楼栋长</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="116"/>
        <source>Zone lead</source>
        <translation>片区负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="117"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/place_panel.py" line="129"/>
        <source>current</source>
        <translation>现任</translation>
    </message>
</context>
<context>
    <name>PlacesPage</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="29"/>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="30"/>
        <source>These names are not among the station&apos;s places. Create each one or use an existing one.</source>
        <translation>以下名称在本所的地点中不存在。请逐个选择新建，或对应到已有的地点。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="31"/>
        <source>Every place the sheet names exists.</source>
        <translation>表格中的地点都已存在。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="33"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="33"/>
        <source>Name in the sheet</source>
        <translation>表格中的名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="33"/>
        <source>Belongs to</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="34"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="34"/>
        <source>What to do</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="56"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="56"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="56"/>
        <source>Building / zone</source>
        <translation>楼栋/市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="68"/>
        <source>Create as {kind}</source>
        <translation>新建为{kind}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="70"/>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="73"/>
        <source>Use {name}</source>
        <translation>对应到 {name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/places_page.py" line="74"/>
        <source>Leave out (those rows stay invalid)</source>
        <translation>不处理（这些行仍为无效）</translation>
    </message>
</context>
<context>
    <name>PointRulesDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="47"/>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="51"/>
        <source>Points each kind of record earns. A change applies from its date on (today or later); points already earned keep the rule of their own day.</source>
        <translation>各类记录可得的积分。修改自生效日期起适用（今天或以后）；已获得的积分仍按当日有效的规则计算。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="55"/>
        <source>Points for</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="55"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="55"/>
        <source>Per</source>
        <translation>计分单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="56"/>
        <source>Applies from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="56"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="63"/>
        <source>Take back the chosen version (not yet in force)</source>
        <translation>删除选中的未生效规则</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="79"/>
        <source>&amp;Add this rule</source>
        <translation>添加此规则(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="85"/>
        <source>Points &amp;for</source>
        <translation>积分项目(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="86"/>
        <source>&amp;Points</source>
        <translation>积分(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="87"/>
        <source>Applies &amp;from</source>
        <translation>生效日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="103"/>
        <source>A new version of a rule</source>
        <translation>新增规则版本</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="124"/>
        <source>In force</source>
        <translation>现行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="125"/>
        <source>From {day}</source>
        <translation>{day} 起生效</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="126"/>
        <source>Superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/point_rules_dialog.py" line="128"/>
        <source>From the start</source>
        <translation>自始生效</translation>
    </message>
</context>
<context>
    <name>PointsRankingDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="42"/>
        <source>Points ranking</source>
        <translation>积分排行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="48"/>
        <source>Whole station</source>
        <translation>全所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="52"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="52"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="52"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="53"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="53"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="60"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="60"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="61"/>
        <source>&amp;District</source>
        <translation>片区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="68"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_ranking_dialog.py" line="107"/>
        <source>{count} volunteers earned {points} points in all</source>
        <translation>共 {count} 名志愿者获得积分 {points} 分</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="61"/>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="65"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="61"/>
        <source>Points for</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="61"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="62"/>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="65"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="65"/>
        <source>Prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="66"/>
        <source>Handed over by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="67"/>
        <source>&amp;Redeem a prize…</source>
        <translation>兑换奖品(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="69"/>
        <source>Take back</source>
        <translation>撤销兑换</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="70"/>
        <source>Take back the chosen redemption</source>
        <translation>撤销选中的兑换</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="73"/>
        <source>Prizes exchanged</source>
        <translation>已兑换的奖品</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="94"/>
        <source>Balance {balance} points (earned {earned}, redeemed {redeemed})</source>
        <translation>积分余额 {balance} 分（累计获得 {earned} 分，已兑换 {redeemed} 分）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="116"/>
        <source>Take back a redemption</source>
        <translation>撤销兑换</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="117"/>
        <source>Take back “{prize}” ({points} points, {day})? The points return to the balance.</source>
        <translation>撤销“{prize}”的兑换（{points} 分，{day}）？积分将退回余额。</translation>
    </message>
</context>
<context>
    <name>PortraitsDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="45"/>
        <source>Import portraits</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="52"/>
        <source>A folder of photos named by ID number or by name</source>
        <translation>照片文件夹（文件以身份证号或姓名命名）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="53"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="57"/>
        <source>Photo file</source>
        <translation>照片文件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="57"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="57"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="66"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="87"/>
        <source>Folder of photos</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="94"/>
        <source>Matching and cropping the photos…</source>
        <translation>正在对应并裁剪照片…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="107"/>
        <source>Will be stored</source>
        <translation>将保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="116"/>
        <source>{total} photos: {usable} will be stored, {left} cannot be used.</source>
        <translation>共 {total} 张照片：{usable} 张将保存，{left} 张无法使用。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="129"/>
        <source>Storing the photos…</source>
        <translation>正在保存照片…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/portraits_dialog.py" line="132"/>
        <source>{count} portraits imported.</source>
        <translation>已导入 {count} 张照片。</translation>
    </message>
</context>
<context>
    <name>PresetNote</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/preset_note.py" line="17"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/preset_note.py" line="27"/>
        <source>Showing: {what}</source>
        <translation>正在显示：{what}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="35"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="36"/>
        <source>Nothing has been written yet. Import writes the new and changed rows in one go.</source>
        <translation>尚未写入任何数据。点击“导入”后，新增和有变化的行将一次性写入。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="39"/>
        <source>Only rows with problems</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="40"/>
        <source>Save error report…</source>
        <translation>保存问题报告…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="42"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="42"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="42"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="42"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="49"/>
        <source>Only the first {n} rows are listed here; the error report holds every row with a problem.</source>
        <translation>此处只列出前 {n} 行；问题报告中包含所有有问题的行。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="76"/>
        <source>Saved as {file}.</source>
        <translation>已保存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="79"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="79"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="80"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="80"/>
        <source>Duplicate in the file</source>
        <translation>表内重复</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="81"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/importing/preview_page.py" line="87"/>
        <source>{total} rows: {new} new, {update} to update, {unchanged} unchanged, {duplicate} duplicate, {invalid} invalid. {writable} rows will be written.</source>
        <translation>共 {total} 行：新增 {new}，更新 {update}，无变化 {unchanged}，表内重复 {duplicate}，无效 {invalid}。将写入 {writable} 行。</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="58"/>
        <source>All active volunteers</source>
        <translation>全部在岗志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="57"/>
        <source>One district</source>
        <translation>某个片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="56"/>
        <source>Volunteers without a valid card</source>
        <translation>尚无有效证件的志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="58"/>
        <source>One site</source>
        <translation>某个场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="57"/>
        <source>Cards expiring within N days</source>
        <translation>N 天内到期的证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="66"/>
        <source>A4 sheet, 2 × 5 cards</source>
        <translation>A4 纸，每张 2 × 5 张证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="67"/>
        <source>Card printer (CR80), one card a page</source>
        <translation>证卡打印机（CR80），每页一张</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="70"/>
        <source>The station phone is empty: the back of every card will have no number to call. Enter it on the Card design tab.</source>
        <translation>派出所电话为空：每张证件背面都将没有联系电话。请在“证件样式”页填写。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="74"/>
        <source>Make cards</source>
        <translation>生成证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="75"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="76"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="88"/>
        <source>Print for</source>
        <translation>打印范围</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="89"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="90"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="91"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="92"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="93"/>
        <source>Start at slot</source>
        <translation>从第几格开始</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="142"/>
        <source>The chosen volunteers ({n})</source>
        <translation>选定的志愿者（{n} 名）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="157"/>
        <source>{n} volunteer(s) selected</source>
        <translation>已选 {n} 名志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="167"/>
        <source>Making cards…</source>
        <translation>正在生成证件…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="167"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="199"/>
        <source>{n} card(s) ready, {new} newly issued</source>
        <translation>已生成 {n} 张证件，其中新发 {new} 张</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="204"/>
        <source>Cancelled; the cards issued for this batch were revoked.</source>
        <translation>已取消，本批新发的证件已作废。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="212"/>
        <source>Volunteer ID cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/print_panel.py" line="218"/>
        <source>Save cards as PDF</source>
        <translation>将证件保存为 PDF</translation>
    </message>
</context>
<context>
    <name>RecognitionPage</name>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="81"/>
        <source>Hours ranking</source>
        <translation>时长排名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="82"/>
        <source>Inactive volunteers</source>
        <translation>不活跃志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="83"/>
        <source>Certificates issued</source>
        <translation>已出具的证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="104"/>
        <source>Whole station</source>
        <translation>全所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="120"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="203"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="122"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="125"/>
        <source>Batch certificates…</source>
        <translation>批量出具证明…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="133"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="133"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="134"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="167"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="210"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="227"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="134"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="168"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="227"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="146"/>
        <source>Suspended or left (not ranked)</source>
        <translation>暂停或已退出（另列，不排名）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="154"/>
        <source>All sites</source>
        <translation>全部场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="167"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="167"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="227"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="261"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="167"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="227"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="261"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="168"/>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="262"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="176"/>
        <source>{count} volunteers served {hours} hours from {first} to {last}.</source>
        <translation>{first} 至 {last}：{count} 名志愿者共服务 {hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="186"/>
        <source>Export the ranking</source>
        <translation>导出时长排名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="201"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="208"/>
        <source>No service for</source>
        <translation>未服务天数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="228"/>
        <source>Last service</source>
        <translation>最近一次服务</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="230"/>
        <source>Never</source>
        <translation>从未服务</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="232"/>
        <source>{count} active volunteers have had no shift or activity since {since}.</source>
        <translation>{since} 以来没有值班或活动的在岗志愿者：{count} 名。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="238"/>
        <source>Certificate number, volunteer number or name</source>
        <translation>证明编号、志愿者编号或姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="240"/>
        <source>Reprint and save…</source>
        <translation>补打并保存…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="261"/>
        <source>Number</source>
        <translation>证明编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="261"/>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="262"/>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="262"/>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="262"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="271"/>
        <source>Choose a certificate in the list first.</source>
        <translation>请先在列表中选择一份证明。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="275"/>
        <source>Save certificate</source>
        <translation>保存证明</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="276"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/recognition_page.py" line="285"/>
        <source>Certificate {number} saved to {file}.</source>
        <translation>证明 {number} 已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="137"/>
        <source>Redeem points: {name}</source>
        <translation>积分兑换：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="155"/>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="157"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="162"/>
        <source>Prize</source>
        <translation>奖品</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="163"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="164"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="165"/>
        <source>Handed over by</source>
        <translation>发放人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="166"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/points_tab.py" line="172"/>
        <source>{name} ({number}) has {balance} points.</source>
        <translation>{name}（{number}）现有积分 {balance} 分。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="32"/>
        <source>Register a dispute</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="38"/>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="39"/>
        <source>Choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="43"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="56"/>
        <source>Registered on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="57"/>
        <source>Source</source>
        <translation>纠纷来源</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="58"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="59"/>
        <source>Summary</source>
        <translation>纠纷简要</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="60"/>
        <source>Facts and disputed matters</source>
        <translation>纠纷事实及争议事项</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="61"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="62"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/register_dialog.py" line="63"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
</context>
<context>
    <name>RegistrationTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="58"/>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="120"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="63"/>
        <source>Names, separated by 、</source>
        <translation>姓名，以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="64"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="65"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="66"/>
        <source>Extend deadline…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="84"/>
        <source>Registered on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="85"/>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="86"/>
        <source>Dispute type</source>
        <translation>纠纷类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="87"/>
        <source>Summary</source>
        <translation>纠纷简要</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="88"/>
        <source>Facts and disputed matters</source>
        <translation>纠纷事实及争议事项</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="89"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="90"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="91"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/registration_tab.py" line="92"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
</context>
<context>
    <name>ReporterField</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/reporter_field.py" line="31"/>
        <source>Type a name, pinyin, initials or phone</source>
        <translation>输入姓名、拼音、首字母或电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/reporter_field.py" line="79"/>
        <source>Reported by: {name}</source>
        <translation>上报人：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/reporter_field.py" line="80"/>
        <source>No reporter chosen yet</source>
        <translation>尚未选择上报人</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/reset_password_dialog.py" line="23"/>
        <location filename="../../redband_desktop/ui/admin/reset_password_dialog.py" line="39"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/reset_password_dialog.py" line="24"/>
        <source>New password for {name} ({username}). They must choose their own password when they next sign in.</source>
        <translation>为 {name}（{username}）设置新密码。该用户下次登录时须改为自己的密码。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/reset_password_dialog.py" line="34"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/reset_password_dialog.py" line="36"/>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>RevealButton</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="29"/>
        <source>Show…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="30"/>
        <source>Show the full value (you will be asked for a reason; this is recorded)</source>
        <translation>查看完整内容（需填写原因，并将记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="39"/>
        <source>Verify identity</source>
        <translation>核实身份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="39"/>
        <source>Make an ID card</source>
        <translation>制作志愿者证</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="39"/>
        <source>Correct a mistake</source>
        <translation>更正错误</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="43"/>
        <source>Show full value</source>
        <translation>查看完整内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/reveal_button.py" line="43"/>
        <source>Why do you need to see it? (recorded)</source>
        <translation>为什么需要查看？（将记入审计日志）</translation>
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
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="59"/>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="60"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="61"/>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="62"/>
        <source>Print card…</source>
        <translation>打印证件…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="63"/>
        <source>Print the ID cards of the selected volunteers (Ctrl or Shift to select several)</source>
        <translation>打印所选志愿者的证件（按住 Ctrl 或 Shift 可多选）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="65"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="78"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="79"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="80"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="81"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="82"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="83"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="84"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="86"/>
        <source>Joined</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="87"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="161"/>
        <source>{total} volunteers shown · active {active} · suspended {suspended} · left {left}</source>
        <translation>共 {total} 人 · 在岗 {active} · 暂停 {suspended} · 已退出 {left}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="226"/>
        <source>Export the roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/roster_page.py" line="226"/>
        <source>roster.xlsx</source>
        <translation>志愿者花名册.xlsx</translation>
    </message>
</context>
<context>
    <name>RotaPage</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="76"/>
        <source>All duty types</source>
        <translation>全部值班类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="78"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="79"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="80"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="81"/>
        <source>Assign…</source>
        <translation>安排…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="82"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="83"/>
        <source>Copy last week</source>
        <translation>复制上周排班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="84"/>
        <source>Generate shifts…</source>
        <translation>生成班次…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="85"/>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="86"/>
        <source>Templates…</source>
        <translation>排班模板…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="87"/>
        <source>Skipped days…</source>
        <translation>停班日期…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="88"/>
        <source>Attendance…</source>
        <translation>考勤…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="89"/>
        <source>Patrol log…</source>
        <translation>巡逻记录…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="90"/>
        <source>Print rota…</source>
        <translation>打印排班表…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="91"/>
        <source>Save the week shown as an A4 PDF for a notice board, then print it</source>
        <translation>把当前显示的一周排班存为 A4 PDF（可张贴公示），然后打印</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="92"/>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="115"/>
        <source>Duty rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="178"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="202"/>
        <source>{places} places · people assigned {assigned} of {needed} · shifts short of people {gaps}</source>
        <translation>{places} 个地点 · 已安排 {assigned} 人次／需 {needed} 人次 · 缺人班次 {gaps}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="207"/>
        <source>No shifts in this week. Shifts come from templates: New template… (Ctrl+N) says where, which duty, on which days and at what time; Generate shifts… then makes them for a period.</source>
        <translation>本周没有班次。班次由排班模板生成：先用“新建模板…”（Ctrl+N）定好地点、勤务类型、星期几和时段，再用“生成班次…”生成一段时间的班次。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="228"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="234"/>
        <source>Assign to which shift?</source>
        <translation>安排到哪个班次？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="237"/>
        <source>Put a volunteer on {place} {day}</source>
        <translation>安排志愿者：{place} {day}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="250"/>
        <source>Remove from which shift?</source>
        <translation>从哪个班次取消？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="256"/>
        <source>Remove whom?</source>
        <translation>取消谁的安排？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="256"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="261"/>
        <source>{name} taken off the shift</source>
        <translation>已取消 {name} 的值班安排</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="266"/>
        <source>Copied {day}: Ctrl+V pastes it onto another day</source>
        <translation>已复制 {day} 的排班：在另一天按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="283"/>
        <source>{shifts} shifts made, {people} people put on shifts</source>
        <translation>新建 {shifts} 个班次，安排 {people} 人次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="291"/>
        <source>{created} shifts made ({existing} were there, {skipped} on skipped days)</source>
        <translation>生成 {created} 个班次（已有 {existing} 个，停班日期 {skipped} 个）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="301"/>
        <source>Patrol log of which shift?</source>
        <translation>查看哪个班次的巡逻记录？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="311"/>
        <source>Template saved: generate shifts to put it on the rota</source>
        <translation>模板已保存：生成班次后即列入排班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="321"/>
        <source>Save the rota as PDF</source>
        <translation>保存排班表（PDF）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="321"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="323"/>
        <source>Export the rota to Excel</source>
        <translation>导出排班表（Excel）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="323"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="331"/>
        <source>Making the rota…</source>
        <translation>正在生成排班表…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="345"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/rota_page.py" line="347"/>
        <source>Rota saved: {path}</source>
        <translation>排班表已保存：{path}</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsBox</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="29"/>
        <source>Security settings</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="31"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="33"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="36"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="44"/>
        <source>Lock the screen after no input for</source>
        <translation>无操作多久后锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="46"/>
        <source>Personal data may be purged after leaving for</source>
        <translation>志愿者退出多久后可清除个人信息</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/security_settings.py" line="64"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ServiceRecordTab</name>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="75"/>
        <source>Record a commendation…</source>
        <translation>登记表彰奖励…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="76"/>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="180"/>
        <source>Remove commendation</source>
        <translation>删除表彰奖励</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="77"/>
        <source>Yearly evaluation…</source>
        <translation>年度评价…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="78"/>
        <source>Service certificate…</source>
        <translation>志愿服务证明…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="102"/>
        <source>{year}: {hours} h</source>
        <translation>{year} 年 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="104"/>
        <source>No. {number} · {name} · ID {id} · {district} {site} · joined {joined} · {hours} hours in all</source>
        <translation>编号 {number} · {name} · 身份证 {id} · {district} {site} · {joined} 加入 · 累计 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="108"/>
        <source>{services} services, {training} of them training</source>
        <translation>服务 {services} 次，其中培训 {training} 次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="118"/>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="126"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="118"/>
        <source>Service</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="118"/>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="119"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="119"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="121"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="125"/>
        <source>Commendation ({count})</source>
        <translation>表彰奖励（{count}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="126"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="126"/>
        <source>Awarded by</source>
        <translation>授予单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="130"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="130"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="130"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="134"/>
        <source>Double-click a commendation to correct it.</source>
        <translation>双击表彰奖励可更正。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="158"/>
        <source>Duty: {type}</source>
        <translation>值班：{type}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/records/service_record_tab.py" line="181"/>
        <source>Remove “{name}” from the service record?</source>
        <translation>从服务记录中删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="35"/>
        <source>Add a mediation session</source>
        <translation>添加调解记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="42"/>
        <source>Add volunteer…</source>
        <translation>添加志愿者…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="43"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="44"/>
        <source>Officers and others, e.g. 陈卿</source>
        <translation>民警及其他人员，如：陈卿</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="51"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="51"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="52"/>
        <source>Volunteer mediators</source>
        <translation>志愿者调解员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="53"/>
        <source>Other mediators</source>
        <translation>其他调解员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="54"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="55"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="56"/>
        <source>Statements of the parties</source>
        <translation>当事人陈述</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="57"/>
        <source>Facts established</source>
        <translation>查明事实</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="58"/>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/session_dialog.py" line="78"/>
        <source>Pick a volunteer mediator</source>
        <translation>选择志愿者调解员</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="29"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="29"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="29"/>
        <source>Mediators</source>
        <translation>调解员</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="30"/>
        <source>Participants</source>
        <translation>参加人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="30"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="30"/>
        <source>What was said and agreed</source>
        <translation>陈述及达成的意见</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="33"/>
        <source>Add session…</source>
        <translation>添加调解…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="47"/>
        <source>The case is at “{stage}”: no more sessions.</source>
        <translation>本案处于“{stage}”阶段，不能再添加调解记录。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="52"/>
        <source>Statements</source>
        <translation>陈述</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="52"/>
        <source>Established</source>
        <translation>查明事实</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/mediation/sessions_tab.py" line="53"/>
        <source>Result</source>
        <translation>调解结果</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="40"/>
        <source>Sign in — 红袖标 Desktop</source>
        <translation>登录 — 红袖标 Desktop</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="44"/>
        <source>Public-security volunteers (红袖标)</source>
        <translation>红袖标治安志愿者管理</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="56"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="60"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="61"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="75"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/accounts/sign_in_dialog.py" line="78"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>SiteFormWidget</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="56"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="57"/>
        <source>Remove site…</source>
        <translation>删除场所…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="68"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="69"/>
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="69"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="70"/>
        <source>Operator</source>
        <translation>经营单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="70"/>
        <source>Market contact</source>
        <translation>市场联系人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="71"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="71"/>
        <source>Type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="72"/>
        <source>Security lead</source>
        <translation>安保负责人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="72"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="106"/>
        <source>Security staff on the team: {n}</source>
        <translation>加入队伍的安保人员：{n} 名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_form.py" line="107"/>
        <source>Volunteers: {n}</source>
        <translation>志愿者：{n} 名</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="60"/>
        <source>Find a site, building or zone</source>
        <translation>查找场所、楼栋或市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="66"/>
        <source>Choose a district, site, building or zone on the left.</source>
        <translation>请在左侧选择片区、场所、楼栋或市场片区。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="72"/>
        <source>Add site…</source>
        <translation>添加场所…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="73"/>
        <source>Add buildings…</source>
        <translation>批量添加楼栋…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="74"/>
        <source>Add zone…</source>
        <translation>添加市场片区…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="106"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="109"/>
        <source>Sites…</source>
        <translation>场所一览…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="110"/>
        <source>Buildings and zones with their heads…</source>
        <translation>楼栋、市场片区及负责人…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="116"/>
        <source>Export the sites</source>
        <translation>导出场所一览</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="116"/>
        <source>sites.xlsx</source>
        <translation>场所一览.xlsx</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="122"/>
        <source>Export buildings and heads</source>
        <translation>导出楼栋长名单</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="122"/>
        <source>heads.xlsx</source>
        <translation>楼栋长名单.xlsx</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="211"/>
        <source>Choose the district the site belongs to first</source>
        <translation>请先在左侧选择场所所属的片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="212"/>
        <source>Choose a residential compound (or one of its buildings)</source>
        <translation>请先选择一个小区（或其中的楼栋）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="213"/>
        <source>Choose a market (or one of its zones)</source>
        <translation>请先选择一个市场（或其中的片区）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="224"/>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="227"/>
        <source>Add site</source>
        <translation>添加场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="224"/>
        <source>Kind</source>
        <translation>场所类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="227"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="252"/>
        <source>Add zone</source>
        <translation>添加市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="252"/>
        <source>Zone name</source>
        <translation>市场片区名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="265"/>
        <source>Remove “{name}”?</source>
        <translation>删除“{name}”？</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_page.py" line="266"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_tree_model.py" line="58"/>
        <source>Structure</source>
        <translation>辖区结构</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/site_tree_model.py" line="60"/>
        <source>officer {name}</source>
        <translation>民警 {name}</translation>
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
    <name>SkippedDaysDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="39"/>
        <source>Skipped days</source>
        <translation>停班日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="43"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="43"/>
        <source>Where</source>
        <translation>履行地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="43"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="51"/>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="88"/>
        <source>Whole station</source>
        <translation>全所合计</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="54"/>
        <source>e.g. Spring Festival</source>
        <translation>如：春节</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="55"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/skipped_dialog.py" line="56"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="37"/>
        <source>Station settings</source>
        <translation>派出所设置</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="42"/>
        <source>{station}人民调解委员会</source>
        <translation>{station}人民调解委员会</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="47"/>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="52"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="61"/>
        <source>Station name</source>
        <translation>派出所名称</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="62"/>
        <source>Incident number prefix</source>
        <translation>警情编号前缀</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="64"/>
        <source>Mediation committee</source>
        <translation>人民调解委员会</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="65"/>
        <source>Attendance may be recorded for</source>
        <translation>考勤补录天数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="66"/>
        <source>Head (on certificates)</source>
        <translation>负责人（证明上）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="67"/>
        <source>Contact phone (on certificates)</source>
        <translation>联系电话（证明上）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="68"/>
        <source>Inactive after no service for</source>
        <translation>连续未服务多少天视为不活跃</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="73"/>
        <source>Numbers already given keep their prefix. Leave the committee empty to print the station&apos;s name followed by 人民调解委员会. Attendance on a shift can be recorded from its start until this many days after its day (0–60; 0: only on the day).</source>
        <translation>已发出的编号保留原前缀。调解委员会名称留空时，文书上印派出所名称加“人民调解委员会”。班次开始后即可登记考勤，最晚可在班次当天之后这么多天内补录（0–60 天；0 表示只能当天登记）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/station_settings_dialog.py" line="88"/>
        <source>New numbers look like {number}</source>
        <translation>新编号示例：{number}</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="73"/>
        <source>Save report (PDF)…</source>
        <translation>生成成绩单（PDF）…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="74"/>
        <source>Save as Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="75"/>
        <source>Print report…</source>
        <translation>打印成绩单…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="89"/>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="99"/>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="102"/>
        <source>Period</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="102"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="103"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="103"/>
        <source>Compared</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="207"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="207"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="208"/>
        <source>Save the report</source>
        <translation>保存治安成绩单</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="236"/>
        <source>Making the report…</source>
        <translation>正在生成治安成绩单…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="236"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="237"/>
        <source>Statistics report</source>
        <translation>治安成绩单</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_page.py" line="253"/>
        <source>Report saved: {path}</source>
        <translation>成绩单已保存：{path}</translation>
    </message>
</context>
<context>
    <name>StatsTabs</name>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="49"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="197"/>
        <source>Now</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="49"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="198"/>
        <source>Before</source>
        <translation>对比期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="49"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="51"/>
        <source>Category</source>
        <translation>警情类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="52"/>
        <source>Contact-type incidents by kind of site</source>
        <translation>接触性警情（按场所类型）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="54"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="55"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="58"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="199"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="54"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="55"/>
        <source>Contact-type</source>
        <translation>接触性警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="55"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="55"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="58"/>
        <source>Kind</source>
        <translation>场所类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="58"/>
        <source>Zero-incident compound or unit</source>
        <translation>零发案小区、单位</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="59"/>
        <source>Cases in the comparison period</source>
        <translation>对比期发案数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="60"/>
        <source>What the volunteers did</source>
        <translation>志愿者工作</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="75"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="194"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="199"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="202"/>
        <source>Incidents</source>
        <translation>警情登记</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="80"/>
        <source>Districts and sites</source>
        <translation>片区与场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="85"/>
        <source>Zero-incident</source>
        <translation>零发案</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="86"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="91"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="120"/>
        <source>{group} (group)</source>
        <translation>{group}（合计）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="124"/>
        <source>All incidents</source>
        <translation>警情总数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="124"/>
        <source>All</source>
        <translation>全部警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="127"/>
        <source>Telecom fraud losses: {now} yuan (before: {before} yuan), {change}</source>
        <translation>电信网络诈骗损失：{now}元（对比期 {before}元），{change}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="130"/>
        <source>No site</source>
        <translation>未关联场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="131"/>
        <source>Contact-type incidents</source>
        <translation>接触性警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="150"/>
        <source>{now} zero-incident compounds and units (no criminal, fraud or public-order incident); {before} in the comparison period ({change})</source>
        <translation>零发案小区、单位 {now} 个（无刑事、诈骗、治安警情）；对比期 {before} 个（{change}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="157"/>
        <source>{site}: cases in the comparison period</source>
        <translation>{site}：对比期发案</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="162"/>
        <source>Incidents they reported</source>
        <translation>报告警情（起）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="162"/>
        <source>Incidents they helped with</source>
        <translation>协助处置警情（起）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="163"/>
        <source>Clue reports</source>
        <translation>线索上报</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="163"/>
        <source>Clues that led to an incident</source>
        <translation>线索转为警情（条）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="164"/>
        <source>Mediation cases with a volunteer mediator</source>
        <translation>志愿者参与调解（件）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="165"/>
        <source>Of these, settled by agreement</source>
        <translation>其中达成协议（件）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="165"/>
        <source>Money the agreements cover (yuan)</source>
        <translation>协议涉及金额（元）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="166"/>
        <source>Kept from turning criminal</source>
        <translation>防止民转刑（件）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="177"/>
        <source>Duty hours</source>
        <translation>值守时长（小时）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="177"/>
        <source>Outreach audience</source>
        <translation>宣传覆盖人数（人次）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="179"/>
        <source>not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="189"/>
        <source>{month}: to day {day} only (month in progress)</source>
        <translation>{month}截至{day}日（未满月）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="191"/>
        <source>{group} by month</source>
        <translation>{group}月度对比</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="192"/>
        <source>{group} incidents by month, {this} against {last}</source>
        <translation>{group}警情月度对比（{this}年与{last}年）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="194"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="202"/>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="207"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="196"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="197"/>
        <source>Incidents by district</source>
        <translation>各片区警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="200"/>
        <source>Telecom fraud by month</source>
        <translation>电信网络诈骗月度对比</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="201"/>
        <source>Telecom fraud incidents by month, {this} against {last}</source>
        <translation>电信网络诈骗警情月度对比（{this}年与{last}年）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="203"/>
        <source>Anti-fraud outreach and telecom fraud</source>
        <translation>反诈宣传与电信诈骗</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="204"/>
        <source>Anti-fraud outreach and telecom fraud by month, {this}</source>
        <translation>{this}年反诈宣传与电信诈骗警情（按月）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="205"/>
        <source>Telecom fraud incidents</source>
        <translation>电信诈骗警情</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="206"/>
        <source>Outreach sessions</source>
        <translation>反诈宣传场次</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="207"/>
        <source>Outreach audience (right)</source>
        <translation>宣传受众（右轴）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="208"/>
        <source>Incidents and sessions</source>
        <translation>警情（起）/宣传（场）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/stats/stats_tabs.py" line="208"/>
        <source>People reached</source>
        <translation>受众（人次）</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="52"/>
        <source>Change status: {name}</source>
        <translation>变更状态：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="66"/>
        <source>Suspend ({status})</source>
        <translation>暂停（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="67"/>
        <source>Mark as left ({status})</source>
        <translation>退出队伍（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="68"/>
        <source>Reactivate ({status})</source>
        <translation>恢复在岗（{status}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="82"/>
        <source>Choose or type a reason</source>
        <translation>选择或填写原因</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="91"/>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="99"/>
        <source>{name} is now “{status}” (since {date}).</source>
        <translation>{name} 现为“{status}”（自 {date} 起）。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="105"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="106"/>
        <source>Date of change</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/status_dialog.py" line="107"/>
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
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="39"/>
        <source>Districts and sites</source>
        <translation>片区与场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="42"/>
        <source>Add district…</source>
        <translation>新增片区…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="43"/>
        <source>Rename district…</source>
        <translation>重命名片区…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="44"/>
        <source>Add site…</source>
        <translation>新增场所…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="45"/>
        <source>Rename site…</source>
        <translation>重命名场所…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="57"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="61"/>
        <source>Sites in the district</source>
        <translation>片区内的场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="72"/>
        <source> (officer {name})</source>
        <translation>（社区民警 {name}）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="110"/>
        <source>Add district</source>
        <translation>新增片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="110"/>
        <source>Name of the new district:</source>
        <translation>新片区名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="116"/>
        <source>Rename district</source>
        <translation>重命名片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="116"/>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="137"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="127"/>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="128"/>
        <source>Add site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="127"/>
        <source>Kind of site:</source>
        <translation>场所类型：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="128"/>
        <source>Name of the new site:</source>
        <translation>新场所名称：</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/sites/structure_dialog.py" line="137"/>
        <source>Rename site</source>
        <translation>重命名场所</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="45"/>
        <source>Edit shift template</source>
        <translation>修改排班模板</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="45"/>
        <source>New shift template</source>
        <translation>新建排班模板</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="51"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="51"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="51"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="51"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="51"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="52"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="52"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="59"/>
        <source>No leader</source>
        <translation>不设带班人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="102"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="102"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="103"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="104"/>
        <source>Market zone</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="105"/>
        <source>Duty type</source>
        <translation>值班类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="105"/>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="106"/>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="106"/>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="107"/>
        <source>People needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="107"/>
        <source>Leader</source>
        <translation>带班人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="108"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="127"/>
        <source>(none) — choose…</source>
        <translation>（无）— 选择…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/template_dialog.py" line="131"/>
        <source>Leader of these shifts</source>
        <translation>选择这些班次的带班人</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="42"/>
        <source>Shift templates</source>
        <translation>排班模板</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="46"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="46"/>
        <source>Duty type</source>
        <translation>值班类型</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="46"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="47"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="47"/>
        <source>People needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="53"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="54"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="55"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="83"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="83"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="83"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="83"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="83"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="84"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="84"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="88"/>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="102"/>
        <source>Template saved: generate shifts to put it on the rota</source>
        <translation>模板已保存：生成班次后即列入排班</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="118"/>
        <source>Retire template</source>
        <translation>停用模板</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="119"/>
        <source>Retire {place}? It makes no more shifts, and its future shifts nobody is on are removed.</source>
        <translation>停用“{place}”的模板？停用后不再生成班次，今后尚未安排人员的班次将被删除。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/templates_dialog.py" line="130"/>
        <source>Future shifts nobody is on: {updated} changed, {removed} removed, {created} added</source>
        <translation>今后尚未安排人员的班次：修改 {updated} 个，删除 {removed} 个，新增 {created} 个</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="89"/>
        <source>Transfer clue</source>
        <translation>移交线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="95"/>
        <source>Transfer to</source>
        <translation>移交给</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="46"/>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="46"/>
        <source>Edit user {name}</source>
        <translation>修改用户 {name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="55"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="58"/>
        <source>Account active (may sign in)</source>
        <translation>账号启用（可以登录）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="72"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="73"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="74"/>
        <source>Police number</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="75"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="76"/>
        <source>District</source>
        <translation>负责片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="78"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/user_dialog.py" line="79"/>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="52"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="53"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="54"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="55"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="57"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="70"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="70"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="70"/>
        <source>Police no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="70"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="71"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="71"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="71"/>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="71"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="98"/>
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="117"/>
        <source>Export user accounts</source>
        <translation>导出用户账号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="117"/>
        <source>users.xlsx</source>
        <translation>用户账号.xlsx</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="135"/>
        <source>Accounts: {count} ({active} active)</source>
        <translation>共 {count} 个账号，{active} 个启用</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="143"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="143"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="187"/>
        <source>Saved {username}.</source>
        <translation>已保存 {username}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="196"/>
        <source>New password set for {username}; they must change it when they sign in.</source>
        <translation>已为 {username} 设置新密码，该用户登录时须修改。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/users_page.py" line="209"/>
        <source>{username} may sign in again.</source>
        <translation>{username} 已解锁，可以重新登录。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="75"/>
        <source>Verify clue</source>
        <translation>核实线索</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="78"/>
        <source>What the check found (optional)</source>
        <translation>核实情况（可不填）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/clues/flow_dialogs.py" line="79"/>
        <source>Found</source>
        <translation>核实情况</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="41"/>
        <source>Scan a card&apos;s QR code here…</source>
        <translation>请在此扫描证件二维码…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="42"/>
        <source>Open image of card…</source>
        <translation>打开证件图片…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="53"/>
        <source>Scan a volunteer&apos;s card with the scanner (the code is typed into the box above), or open a photo of the card. The verdict shows here.</source>
        <translation>用扫码枪扫描志愿者证上的二维码（内容会自动输入上方的框），或打开证件照片。核验结果显示在这里。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="103"/>
        <source>Open image of card</source>
        <translation>打开证件图片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="103"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="118"/>
        <source>Card number: {no}</source>
        <translation>证号：{no}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="120"/>
        <source>{district} · {site} · {role}</source>
        <translation>{district} · {site} · {role}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="123"/>
        <source>Valid until: {date}</source>
        <translation>有效期至：{date}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="125"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="136"/>
        <source>✔ Valid card</source>
        <translation>✔ 有效证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="136"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="137"/>
        <source>✘ Revoked</source>
        <translation>✘ 已注销</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="137"/>
        <source>✘ Reported lost</source>
        <translation>✘ 已挂失</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="138"/>
        <source>? Unknown card</source>
        <translation>? 未登记的证件</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="138"/>
        <source>✘ Forged — signature fails</source>
        <translation>✘ 伪造证件（签名无效）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/cards/verify_page.py" line="139"/>
        <source>? Not recognised — not this station&apos;s card, or misread: scan again</source>
        <translation>？无法识别——不是本所证件，或未读清：请重新扫描</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="80"/>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="81"/>
        <source>Edit volunteer: {name}</source>
        <translation>编辑志愿者：{name}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="100"/>
        <source>18 characters, the last may be X</source>
        <translation>18 位，末位可为 X</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="103"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="116"/>
        <source>Choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="110"/>
        <source>From ID</source>
        <translation>按身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="112"/>
        <source>Mobile, or landline with area code</source>
        <translation>手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="119"/>
        <source>Is in the volunteers&apos; WeChat group</source>
        <translation>已加入警民联动微信群</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="123"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="215"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="124"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="224"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="142"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="210"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="214"/>
        <source>Volunteer number</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="216"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="220"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="221"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="225"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="226"/>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="228"/>
        <source>Background</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="232"/>
        <source>Place of service</source>
        <translation>所在场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="235"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="236"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="237"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="238"/>
        <source>Market zone</source>
        <translation>市场片区</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="239"/>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="244"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="248"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="254"/>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="259"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="263"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="272"/>
        <source>Status: {status} since {date}</source>
        <translation>状态：{status}（自 {date} 起）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="279"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="285"/>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="300"/>
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="286"/>
        <source>Show the records over the whole dialog (the form is kept; press again to go back)</source>
        <translation>让下方的记录占满整个窗口（已填写的内容保留；再按一次还原）</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="300"/>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="351"/>
        <source>Save or cancel your changes first.</source>
        <translation>请先保存或取消所做的修改。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="374"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/roster/volunteer_dialog.py" line="375"/>
        <source>The volunteer was saved. Please note:
{warnings}</source>
        <translation>志愿者信息已保存。请注意：
{warnings}</translation>
    </message>
</context>
<context>
    <name>VolunteerList</name>
    <message>
        <location filename="../../redband_desktop/ui/incidents/volunteer_list.py" line="34"/>
        <source>Add volunteer…</source>
        <translation>添加志愿者…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/volunteer_list.py" line="35"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/incidents/volunteer_list.py" line="63"/>
        <source>Add a volunteer to the incident</source>
        <translation>添加参与处置的志愿者</translation>
    </message>
</context>
<context>
    <name>VolunteerPicker</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/volunteer_picker.py" line="46"/>
        <source>Name, pinyin, initials or phone</source>
        <translation>姓名、拼音、首字母或电话</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/volunteer_picker.py" line="84"/>
        <source>{count} more: type more of the name</source>
        <translation>另有 {count} 人：请输入更多字以缩小范围</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/volunteer_picker.py" line="92"/>
        <source>Choose a volunteer</source>
        <translation>请选择志愿者</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="60"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="60"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="60"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="60"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="60"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="61"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="61"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/rota/week_model.py" line="75"/>
        <source>Skipped: {reason}</source>
        <translation>停班：{reason}</translation>
    </message>
</context>
<context>
    <name>_Rasterising</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="119"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="138"/>
        <source>Printing page {done} of {total}…</source>
        <translation>正在打印第 {done} 页，共 {total} 页…</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="147"/>
        <source>Sent {pages} page(s) to {printer}.</source>
        <translation>已将 {pages} 页发送到打印机 {printer}。</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/pdf_printing.py" line="153"/>
        <source>Printing cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
</context>
<context>
    <name>exporting</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/exporting.py" line="30"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/exporting.py" line="42"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/exporting.py" line="49"/>
        <source>Exported {count} rows to {file}.</source>
        <translation>已导出 {count} 行到 {file}。</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/feedback.py" line="31"/>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/feedback.py" line="40"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/widgets/feedback.py" line="41"/>
        <source>Something went wrong that the program did not expect. Your saved data is safe; the details were written to the log file. Please tell your administrator.</source>
        <translation>程序遇到了意外错误。已保存的数据是安全的，详细信息已写入日志文件。请告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>job</name>
    <message>
        <location filename="../../redband_desktop/ui/importing/job.py" line="21"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="21"/>
        <source>The database was damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="25"/>
        <source>Restore the backup of {date}</source>
        <translation>恢复 {date} 的备份</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="27"/>
        <source>Start with an empty database</source>
        <translation>使用空数据库开始</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="28"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../redband_desktop/ui/admin/recovery.py" line="36"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>required</name>
    <message>
        <location filename="../../redband_desktop/ui/widgets/required.py" line="20"/>
        <source>{mark} required</source>
        <translation>{mark} 为必填项</translation>
    </message>
</context>
</TS>
