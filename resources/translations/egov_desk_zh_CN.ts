<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentDetailsDialog</name>
    <message>
        <source>Unit</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Assessment details</source>
        <translation>考评信息</translation>
    </message>
    <message>
        <source>Welcome. Which unit is this self-assessment for? Its name appears on every checklist, score sheet, report and package. You can change it later under File → Assessment details.</source>
        <translation>欢迎使用。请填写本次自评的单位名称：它将出现在每一份责任分解清单、自评得分表、自评报告和佐证材料包上。以后可在“文件 → 考评信息”中修改。</translation>
    </message>
    <message>
        <source>e.g. 市教育局</source>
        <translation>例如：市教育局</translation>
    </message>
    <message>
        <source>the person filling in (optional)</source>
        <translation>填报人姓名（可不填）</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Filled in by:</source>
        <translation>填报人：</translation>
    </message>
    <message>
        <source>the day of each export</source>
        <translation>以导出当天为准</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Date of the report:</source>
        <translation>报告日期：</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Empty: no deadline.</source>
        <translation>留空：不设截止日期。</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>Use the unit's &amp;server instead…</source>
        <translation>改为连接单位的服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Your unit keeps its self-assessment on a server: connect to it</source>
        <translation>本单位的自评放在服务器上：改为连接服务器</translation>
    </message>
    <message>
        <source>Please enter the unit's name.</source>
        <translation>请输入单位名称。</translation>
    </message>
    <message>
        <source>The year must be a number from 1990 to 2100.</source>
        <translation>年度须为 1990 至 2100 之间的数字。</translation>
    </message>
    <message>
        <source>Please enter a title, e.g. 自评.</source>
        <translation>请输入名称，例如“自评”。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Back up the workspace</source>
        <translation>备份工作区</translation>
    </message>
    <message>
        <source>This workspace is not a folder on this computer; it is backed up where it is stored.</source>
        <translation>此工作区不是本机上的文件夹，请在其存放处备份。</translation>
    </message>
    <message>
        <source>This window can only read the workspace; it makes no backup.</source>
        <translation>本窗口只能查看工作区，不能在这里备份。</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>正在备份工作区…</translation>
    </message>
    <message>
        <source>The workspace was backed up.</source>
        <translation>工作区已备份。</translation>
    </message>
    <message>
        <source>The copy is in:
%1</source>
        <translation>备份位于：
%1</translation>
    </message>
    <message>
        <source>The workspace was not backed up.</source>
        <translation>工作区未能备份。</translation>
    </message>
    <message>
        <source>Daily backup made: %1</source>
        <translation>已完成每日备份：%1</translation>
    </message>
    <message>
        <source>Daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
    <message>
        <source>This window can only read the workspace; nothing was read in.</source>
        <translation>本窗口只能查看工作区，没有读入任何内容。</translation>
    </message>
    <message>
        <source>No backup could be made, so nothing was read in. Free some space or fix the cause, then try again.</source>
        <translation>无法备份，因此没有读入任何内容。请腾出磁盘空间或排除原因后重试。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>This window can only read the workspace; it restores no backup.</source>
        <translation>本窗口只能查看工作区，不能在这里从备份恢复。</translation>
    </message>
    <message>
        <source>Restore the workspace as it was on %1 (total %2)?</source>
        <translation>将工作区恢复为 %1 时的状态（总分 %2）？</translation>
    </message>
    <message>
        <source>The workspace as it is now is backed up first, so this restore can be undone by restoring that.</source>
        <translation>恢复前会先备份工作区的当前状态，如需撤销本次恢复，可再恢复那个备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>This window cannot reopen its workspace; restore with egov-desk-cli backup restore.</source>
        <translation>此窗口无法重新打开工作区；请用 egov-desk-cli backup restore 恢复。</translation>
    </message>
    <message>
        <source>Work is still under way; restore when it has finished.</source>
        <translation>还有任务正在进行，请在完成后再恢复。</translation>
    </message>
    <message>
        <source>The backup was not restored.</source>
        <translation>备份未能恢复。</translation>
    </message>
    <message>
        <source>On opening</source>
        <translation>打开时</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Before importing an indicator table</source>
        <translation>导入指标表前</translation>
    </message>
    <message>
        <source>Before reading a score sheet</source>
        <translation>读入自评得分表前</translation>
    </message>
    <message>
        <source>Before importing a department package</source>
        <translation>导入科室材料包前</translation>
    </message>
    <message>
        <source>Before finalizing</source>
        <translation>定稿前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复备份前</translation>
    </message>
    <message>
        <source>Before a database upgrade</source>
        <translation>数据库升级前</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The workspace was restored to the backup of %1.</source>
        <translation>工作区已恢复为 %1 的备份。</translation>
    </message>
    <message>
        <source>Its state before the restore was backed up as %1.</source>
        <translation>恢复前的状态已备份为 %1。</translation>
    </message>
    <message>
        <source>The unreadable database was moved to %1.</source>
        <translation>无法读取的数据库已移至 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s) of the restored workspace are missing from its vault; add the originals again:</source>
        <translation>
            <numerusform>恢复后的工作区有 %n 个佐证材料文件已不在材料库中，请重新添加原件：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BinderRun</name>
    <message>
        <source>Counting the evidence…</source>
        <translation>正在清点材料…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Bind into one PDF</source>
        <translation>装订成册</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
    <message>
        <source>Binding cancelled: no file was written</source>
        <translation>已取消装订：未生成任何文件</translation>
    </message>
    <message>
        <source>%1 was not written: %2
Check the folder can be written to and try again.</source>
        <translation>%1 未能写入：%2
请确认该文件夹可以写入后重试。</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1 pages, %2</source>
        <translation>共 %1 页，%2</translation>
    </message>
    <message>
        <source>%1 file(s) are listed on a page of their own instead of bound:</source>
        <translation>%1 个文件未装订，以单独一页列出：</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Binder written: %1</source>
        <translation>装订册已生成：%1</translation>
    </message>
</context>
<context>
    <name>Binders</name>
    <message>
        <source>Bind this &amp;item into one PDF…</source>
        <translation>装订成册（当前评分项）(&amp;I)…</translation>
    </message>
    <message>
        <source>The item's cover, checklist and every evidence page in one PDF, stamped and bookmarked</source>
        <translation>本项的封面、材料清单和全部材料页合为一个 PDF，逐页加盖页码、带书签</translation>
    </message>
    <message>
        <source>Bind a depar&amp;tment's items into one PDF…</source>
        <translation>装订成册（科室）(&amp;K)…</translation>
    </message>
    <message>
        <source>Every item the department leads, with a table of contents, in one PDF</source>
        <translation>科室牵头的全部评分项，带目录，合为一个 PDF</translation>
    </message>
    <message>
        <source>Bind the whole &amp;unit into one PDF…</source>
        <translation>装订成册（全部）(&amp;B)…</translation>
    </message>
    <message>
        <source>Every item of the assessment with its evidence, for evaluators to page through</source>
        <translation>本次考评的全部评分项及其材料，供评审翻阅</translation>
    </message>
    <message>
        <source>Bind this department into one PDF…</source>
        <translation>本科室装订成册…</translation>
    </message>
    <message>
        <source>Bind this item into one PDF…</source>
        <translation>本项装订成册…</translation>
    </message>
    <message>
        <source>Choose an item in the indicator tree first: a level has no evidence of its own. To bind every item, use File → Export → Bind the whole unit (Ctrl+Alt+B).</source>
        <translation>请先在指标树中选择一个评分项：指标层级本身没有材料。要装订全部评分项，请用“文件 → 导出 → 装订成册（全部）”（Ctrl+Alt+B）。</translation>
    </message>
    <message>
        <source>No item of this indicator system names a department. Bind the whole unit instead.</source>
        <translation>本指标体系中没有评分项注明负责科室。请改为装订全部评分项。</translation>
    </message>
    <message>
        <source>Save the binder</source>
        <translation>保存装订册</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Bind into one PDF</source>
        <translation>装订成册</translation>
    </message>
</context>
<context>
    <name>BulkReview</name>
    <message>
        <source>%1 has no item being filled in to submit.</source>
        <translation>%1 没有正在填报、可以提交的指标。</translation>
    </message>
    <message>
        <source>Submit %1 item(s) of %2 for review?
%3</source>
        <translation>将%2的 %1 项指标提交审核？
%3</translation>
    </message>
    <message>
        <source>submit %1's items</source>
        <translation>提交%1的指标</translation>
    </message>
    <message>
        <source>Submit the department's items</source>
        <translation>提交本科室全部指标</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>No item is submitted and waiting for review.</source>
        <translation>没有已提交、等待审核的指标。</translation>
    </message>
    <message>
        <source>Approve %1 submitted item(s)?
%2</source>
        <translation>审核通过 %1 个已提交的指标？
%2</translation>
    </message>
    <message>
        <source>Approve the submitted items</source>
        <translation>审核通过已提交的指标</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>approve submitted items</source>
        <translation>审核通过已提交的指标</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <source>Carry over from an existing assessment</source>
        <translation>从已有考评沿用</translation>
    </message>
    <message>
        <source>From %1 to %2 %3 (%4). Scores and review statuses start afresh; notes are carried.</source>
        <translation>从“%1”沿用到 %2 年%3（%4）。得分和审核状态重新开始；说明沿用。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Files carried are marked “last year's” until someone confirms they still hold. Space ticks a row's evidence; Ctrl+Shift+A ticks or clears every row.</source>
        <translation>沿用的材料标为“去年材料”，确认仍有效后取消标记。空格键勾选当前行的材料；Ctrl+Shift+A 全部勾选或全部取消。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Tick or clear every row's evidence</source>
        <translation>全部勾选或全部取消沿用材料</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Points changed</source>
        <translation>分值变化</translation>
    </message>
    <message>
        <source>Rule changed</source>
        <translation>细则变化</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>scoring type</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>scoring parameters</source>
        <translation>计分参数</translation>
    </message>
    <message>
        <source>rule text</source>
        <translation>细则文字</translation>
    </message>
    <message>
        <source>matched by name</source>
        <translation>按名称匹配</translation>
    </message>
    <message>
        <source>level: %1</source>
        <translation>层级：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>%1 requirements added</source>
        <translation>增加材料要求 %1 项</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>牵头科室：%1</translation>
    </message>
    <message>
        <source>Evidence ☑</source>
        <translation>沿用材料 ☑</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Last year's code</source>
        <translation>去年编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>→ Code</source>
        <translation>→ 今年编号</translation>
    </message>
    <message>
        <source>Rule change</source>
        <translation>细则变化</translation>
    </message>
    <message>
        <source>Carried</source>
        <translation>沿用内容</translation>
    </message>
    <message>
        <source>Click to tick or clear every row (Ctrl+Shift+A)</source>
        <translation>点击可全部勾选或全部取消（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Last year's item for %1</source>
        <translation>%1 对应的去年指标</translation>
    </message>
    <message>
        <source>A new item has no evidence of last year's to carry</source>
        <translation>新增指标没有可沿用的去年材料</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
</context>
<context>
    <name>ChainCheck</name>
    <message>
        <source>Checking the change history…</source>
        <translation>正在校验修改记录…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check the change history</source>
        <translation>校验修改记录</translation>
    </message>
    <message>
        <source>Row %1 of %2</source>
        <translation>第 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <source>The change history could not be checked: %1</source>
        <translation>无法校验修改记录：%1</translation>
    </message>
</context>
<context>
    <name>ChainCheckDialog</name>
    <message>
        <source>Check the change history</source>
        <translation>校验修改记录</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>The change history is whole: %1 rows, and the data holds what it says.</source>
        <translation>修改记录完整：共 %1 条，数据与记录一致。</translation>
    </message>
    <message>
        <source>Last row's hash: %1</source>
        <translation>最新记录哈希：%1</translation>
    </message>
    <message>
        <source>The change history does not fit: %1 findings.</source>
        <translation>修改记录与数据不符：发现 %1 处问题。</translation>
    </message>
    <message>
        <source>Something changed the workspace file outside egov-desk. Restore a backup from before the first finding (File → Restore from a backup…), or keep this list as a record of what differs.</source>
        <translation>有程序在 egov-desk 之外改动了工作区文件。可从第一处问题之前的备份恢复（文件 → 从备份恢复…），或保存这份清单，作为与记录不符之处的凭证。</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>%1 or more: %2 pts</source>
        <translation>满 %1 项：%2 分</translation>
    </message>
    <message>
        <source>at most %1 pts</source>
        <translation>最高 %1 分</translation>
    </message>
</context>
<context>
    <name>ChecklistPreview</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ClassCountEditor</name>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>minus %1 each</source>
        <translation>每处扣 %1 分</translation>
    </message>
    <message>
        <source> (at most %1 off)</source>
        <translation>（最多扣%1分）</translation>
    </message>
    <message>
        <source>from %1, not below %2</source>
        <translation>起评 %1 分，最低 %2 分</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>What each column of the table holds. Change a role if it was misread; the table is read again.</source>
        <translation>表中每一列的内容。识别有误时可更改其用途，表格会重新读取。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首行内容</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <source>Years side by side</source>
        <translation>历年对比</translation>
    </message>
    <message>
        <source>&amp;A:</source>
        <translation>A(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;B:</source>
        <translation>B(&amp;B)：</translation>
    </message>
    <message>
        <source>Only &amp;changes</source>
        <translation>只看变化(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Each first-level indicator over the years (score / points)</source>
        <translation>各一级指标历年得分（得分/分值）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points A → B</source>
        <translation>分值 A → B</translation>
    </message>
    <message>
        <source>Score A → B</source>
        <translation>得分 A → B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>差</translation>
    </message>
    <message>
        <source>Rule change</source>
        <translation>细则变化</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>A %1 · B %2 · %3 item(s) lost points · %4 only in A · %5 only in B</source>
        <translation>A：%1 · B：%2 · %3 项失分 · %4 项仅在 A · %5 项仅在 B</translation>
    </message>
    <message>
        <source>Save the comparison</source>
        <translation>保存历年对比</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 未能写出：%2</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Kept in the system's credential store, never in a file</source>
        <translation>保存在系统的密码保管处（密钥环），从不写入文件</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Stop trying</source>
        <translation>停止尝试(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Stopped trying; nothing was changed.</source>
        <translation>已停止尝试，没有做任何改动。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, the workspace is up to date.</source>
        <translation>连接成功：PostgreSQL %1，工作区数据库结构是最新的。</translation>
    </message>
</context>
<context>
    <name>CountEditor</name>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>%1 pts each, at most %2</source>
        <translation>每个 %1 分，最高 %2 分</translation>
    </message>
    <message>
        <source>Deductions found</source>
        <translation>扣分处数</translation>
    </message>
    <message>
        <source>from %1, minus %2 each, not below %3</source>
        <translation>起评 %1 分，每处扣 %2 分，最低 %3 分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>others %1</source>
        <translation>其余 %1 分</translation>
    </message>
    <message>
        <source>(of %1)</source>
        <translation>（共 %1 名）</translation>
    </message>
    <message>
        <source>— ranks %1 fall in two bands</source>
        <translation>—— 第 %1 名同属两档</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>egov-desk met an unexpected error. Your data is safe: every change was saved when you made it.</source>
        <translation>程序遇到了一个意外错误。您的数据是安全的：每一项修改在输入时都已保存。</translation>
    </message>
    <message>
        <source>The details are in the log: %1
If the app behaves oddly, close and restart it.</source>
        <translation>错误详情已记录在日志文件夹：%1
如果程序表现异常，请关闭后重新启动。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. %1-06-30</source>
        <translation>例如 %1-06-30</translation>
    </message>
    <message>
        <source>; empty: none</source>
        <translation>；留空表示无</translation>
    </message>
    <message>
        <source>Pick from a calendar (Alt+Down or F4)</source>
        <translation>从日历中选择（Alt+↓ 或 F4）</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date. Write it as %3-06-30, %3/6/30 or %3年6月30日.</source>
        <translation>%1：“%2”不是日期。请写成 %3-06-30、%3/6/30 或 %3年6月30日。</translation>
    </message>
    <message>
        <source>%1 is empty: write a date, e.g. %2-06-30.</source>
        <translation>%1为空：请填写日期，例如 %2-06-30。</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>item %1</source>
        <translation>指标 %1</translation>
    </message>
    <message>
        <source>department %1</source>
        <translation>部门 %1</translation>
    </message>
    <message>
        <source>the whole assessment</source>
        <translation>整个考评</translation>
    </message>
    <message>
        <source>item %1 %2</source>
        <translation>指标 %1 %2</translation>
    </message>
    <message>
        <source>department %1 (lead of item %2)</source>
        <translation>部门 %1（指标 %2 的牵头科室）</translation>
    </message>
    <message>
        <source>Set deadline</source>
        <translation>设置截止日期</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>对象(&amp;F)：</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Empty: no deadline.</source>
        <translation>留空：不设截止日期。</translation>
    </message>
    <message>
        <source>Deadline of %1</source>
        <translation>%1 的截止日期</translation>
    </message>
</context>
<context>
    <name>DepartmentBanner</name>
    <message>
        <source>Only this department's &amp;items</source>
        <translation>只看本科室项目(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Make the return…</source>
        <translation>生成回执(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>DepartmentChooser</name>
    <message>
        <source>Bind a department</source>
        <translation>装订科室</translation>
    </message>
    <message>
        <source>Bind the items this department &amp;leads (one that only cooperates has nothing to bind):</source>
        <translation>装订该科室牵头的评分项（只配合的科室无需装订）(&amp;L)：</translation>
    </message>
    <message>
        <source>%1 leads no item: the items it cooperates on are bound by their lead departments</source>
        <translation>「%1」没有牵头的项目：它配合的项目由牵头科室装订</translation>
    </message>
    <message>
        <source>%1　leads %2 item(s)</source>
        <translation>%1　牵头 %2 项</translation>
    </message>
    <message>
        <source>%1　leads no item</source>
        <translation>%1　无牵头项目</translation>
    </message>
</context>
<context>
    <name>DepartmentDesk</name>
    <message>
        <source>%1 (who sent this package)</source>
        <translation>%1（发出本工作包的人）</translation>
    </message>
    <message>
        <source>the coordinating side (who sent this package)</source>
        <translation>汇总方（发出本工作包的一方）</translation>
    </message>
    <message>
        <source>Department filling-in: %1</source>
        <translation>科室填报：%1</translation>
    </message>
    <message>
        <source>work package %1</source>
        <translation>第 %1 个工作包</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>Department filling-in · %1 — </source>
        <translation>科室填报 · %1 — </translation>
    </message>
    <message>
        <source>This is %1's department workspace: only its own items can be changed here; %2 is led by %3 (shown for context).</source>
        <translation>本工作区是「%1」的科室填报工作区，只能修改本科室的项目；%2 由「%3」牵头（仅供参考）。</translation>
    </message>
    <message>
        <source>Done by %2, not here: this is %1's department workspace (科室填报)</source>
        <translation>此项由%2操作，不在本工作区：本工作区是「%1」的科室填报工作区</translation>
    </message>
</context>
<context>
    <name>DepartmentsView</name>
    <message>
        <source>Department / item</source>
        <translation>科室 / 评分项</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Evidence in</source>
        <translation>材料已收</translation>
    </message>
    <message>
        <source>lead %1 · cooperating %2</source>
        <translation>牵头 %1 · 配合 %2</translation>
    </message>
    <message>
        <source>As lead: collected %1 · checked %2 · missing %3</source>
        <translation>牵头事项：已收集 %1 · 已核验 %2 · 缺 %3</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>cooperating</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Other materials for the item</source>
        <translation>本项其他材料</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.doc *.docx *.wps *.xls *.xlsx *.ofd *.zip);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp *.gif *.doc *.docx *.wps *.xls *.xlsx *.ofd *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Storing the files…</source>
        <translation>正在保存文件……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Adding evidence to %1</source>
        <translation>为 %1 添加佐证材料</translation>
    </message>
    <message>
        <source>File %1 of %2 · %3 MB of %4 MB
%5</source>
        <translation>第 %1 / %2 个文件 · %3 MB / %4 MB
%5</translation>
    </message>
    <message>
        <source>add files to %1</source>
        <translation>向 %1 添加文件</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. The %n file(s) stored before remain.</source>
        <translation>
            <numerusform>已取消。此前已保存的 %n 个文件保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Repaired the damaged stored copy of:</source>
        <translation>已修复库中损坏的副本：</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>These could not be stored:</source>
        <translation>以下文件未能保存：</translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Remove the file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>Remove “%1” from item %2?</source>
        <translation>从 %2 项中移除“%1”？</translation>
    </message>
    <message>
        <source>The stored copy stays in the workspace; Edit → Undo (Ctrl+Z) puts it back.</source>
        <translation>工作区中保存的副本不会删除；可用“编辑 → 撤销”（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>remove %1 from %2</source>
        <translation>从 %2 移除 %1</translation>
    </message>
    <message>
        <source>date of %1</source>
        <translation>%1 的日期</translation>
    </message>
    <message>
        <source>name of a requirement in %1</source>
        <translation>%1 材料要求的名称</translation>
    </message>
    <message>
        <source>order of the checklist of %1</source>
        <translation>%1 材料清单的顺序</translation>
    </message>
    <message>
        <source>remove a requirement from %1</source>
        <translation>从 %1 删除材料要求</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added to %1</source>
        <translation>
            <numerusform>已为 %1 添加 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Evidence files for %1</source>
        <translation>佐证材料文件 — %1</translation>
    </message>
    <message>
        <source>A folder of evidence for %1</source>
        <translation>佐证材料文件夹 — %1</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>请先选择一个评分项。</translation>
    </message>
    <message>
        <source>Date outside the year</source>
        <translation>日期不在考评年度内</translation>
    </message>
    <message>
        <source>%1 is dated outside %2; evaluators may not accept it.</source>
        <translation>%1 的日期不在 %2 年内，考评时可能不被认可。</translation>
    </message>
    <message>
        <source>tick as checked in %1</source>
        <translation>%1 标记已核验</translation>
    </message>
    <message>
        <source>untick in %1</source>
        <translation>%1 取消已核验</translation>
    </message>
    <message>
        <source>New requirement</source>
        <translation>新增材料要求</translation>
    </message>
    <message>
        <source>Material to provide:</source>
        <translation>需提供的材料：</translation>
    </message>
    <message>
        <source>new requirement in %1</source>
        <translation>%1 新增材料要求</translation>
    </message>
    <message>
        <source>Rename the requirement</source>
        <translation>修改材料要求</translation>
    </message>
</context>
<context>
    <name>EvidenceCheck</name>
    <message>
        <source>Checking the evidence files…</source>
        <translation>正在检查佐证材料…</translation>
    </message>
    <message>
        <source>Clean up the evidence store</source>
        <translation>清理佐证材料库</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n unused file(s) from the evidence store, freeing %1?</source>
        <translation>
            <numerusform>从佐证材料库中删除 %n 个无用文件，释放 %1 空间？</numerusform>
        </translation>
    </message>
    <message>
        <source>Only stored files that no evidence uses and unfinished copies are removed. A file in use at the moment of removal, or added while the clean runs, is never removed.</source>
        <translation>只删除没有任何佐证材料使用的已存文件和未完成的副本。删除时正在使用的文件，以及清理期间新添加的文件，一律不会删除。</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Cleaning up the evidence store…</source>
        <translation>正在清理佐证材料库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check the evidence files</source>
        <translation>检查佐证材料</translation>
    </message>
    <message>
        <source>File %1 of %2</source>
        <translation>第 %1 个文件，共 %2 个</translation>
    </message>
    <message>
        <source>Cleaning cancelled; nothing was removed.</source>
        <translation>已取消清理，未删除任何文件。</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>已取消检查。</translation>
    </message>
    <message>
        <source>The evidence files could not be checked: %1</source>
        <translation>未能检查佐证材料：%1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n unused file(s), freeing %1.</source>
        <translation>
            <numerusform>已删除 %n 个无用文件，释放了 %1 空间。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceCopies</name>
    <message>
        <source>Fetching %1…</source>
        <translation>正在取出 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>EvidenceDateDialog</name>
    <message>
        <source>Date of %1</source>
        <translation>%1 的日期</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <source>e.g. %1-12-05; empty: no date</source>
        <translation>例如 %1-12-05；留空表示无日期</translation>
    </message>
    <message>
        <source>Document date:</source>
        <translation>文件日期：</translation>
    </message>
    <message>
        <source>“%1” is not a date. Write it as %2-12-05 or %2年12月5日.</source>
        <translation>“%1”不是日期。请写成 %2-12-05 或 %2年12月5日。</translation>
    </message>
    <message>
        <source>No date: the document is not dated.</source>
        <translation>无日期：该文件没有落款日期。</translation>
    </message>
    <message>
        <source>%1 lies outside %2: evaluators may not accept it.</source>
        <translation>%1 不在 %2 年度内：评估人员可能不予认可。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Material / file</source>
        <translation>材料要求 / 文件</translation>
    </message>
    <message>
        <source>Status / type</source>
        <translation>状态 / 类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Confirm last year's file still holds</source>
        <translation>确认仍有效</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>已收集</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>checked on the platform</source>
        <translation>平台核查</translation>
    </message>
    <message>
        <source>supplied by %1</source>
        <translation>由%1提供</translation>
    </message>
    <message>
        <source>Tick when you have read the files and they prove the requirement</source>
        <translation>阅读文件并确认能证明该项要求后勾选</translation>
    </message>
    <message>
        <source>Other materials for the item</source>
        <translation>本项其他材料</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source> (name says otherwise)</source>
        <translation>（与扩展名不符）</translation>
    </message>
    <message>
        <source>%1
added %2 by %3
SHA-256 %4</source>
        <translation>%1
%3 于 %2 添加
SHA-256 %4</translation>
    </message>
    <message>
        <source>last year's</source>
        <translation>去年材料</translation>
    </message>
    <message>
        <source>Carried from last year: confirm it still holds (Ctrl+Shift+K) or replace it</source>
        <translation>去年沿用的材料：确认仍有效（Ctrl+Shift+K），或换成今年的材料</translation>
    </message>
    <message>
        <source>Dated outside the year being assessed</source>
        <translation>日期不在考评年度内</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Set the document's date…</source>
        <translation>设置文件日期…</translation>
    </message>
    <message>
        <source>Remove the file from this item…</source>
        <translation>从此项移除该文件…</translation>
    </message>
    <message>
        <source>Add a requirement…</source>
        <translation>新增材料要求…</translation>
    </message>
    <message>
        <source>Rename the requirement…</source>
        <translation>修改材料要求…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove the requirement</source>
        <translation>删除该材料要求</translation>
    </message>
</context>
<context>
    <name>EvidenceSearch</name>
    <message>
        <source>%1 is no longer in the evidence; search again</source>
        <translation>%1 已不在佐证材料中，请重新查找</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export department work packages</source>
        <translation>导出科室工作包</translation>
    </message>
    <message>
        <source>Each department ticked gets one package (.egovpkg) with its items, their rules, inputs, notes, requirements and evidence. Send it by USB stick or mail; the department opens it with a double-click and sends back a return.</source>
        <translation>勾选的每个部门各得到一个工作包（.egovpkg），内含该部门的指标、评分规则、填报内容、备注、材料要求和佐证材料。用 U 盘或内网邮件发给部门；部门双击即可打开填报，完成后发回回执。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Cooperating</source>
        <translation>配合</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>%1 file(s), %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>Space ticks the department selected.</source>
        <translation>空格键勾选当前部门。</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>保存到文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未发出</translation>
    </message>
    <message>
        <source>package %1 sent</source>
        <translation>已发出 第 %1 个</translation>
    </message>
    <message>
        <source>package %1 sent, %2</source>
        <translation>已发出 第 %1 个，%2</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>工作包保存文件夹</translation>
    </message>
    <message>
        <source>The folder %1 does not exist: choose one with Browse….</source>
        <translation>文件夹 %1 不存在：请点“浏览…”选择一个文件夹。</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <source>Writing the packages…</source>
        <translation>正在写出工作包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export department work packages</source>
        <translation>导出科室工作包</translation>
    </message>
    <message>
        <source>Package %1 of %2: %3…</source>
        <translation>第 %1/%2 个工作包：%3…</translation>
    </message>
    <message>
        <source>Written to %1:</source>
        <translation>已写出到 %1：</translation>
    </message>
    <message>
        <source>• %1 — %2: %3 lead, %4 cooperating, %5 file(s) (%6)</source>
        <translation>• %1 —— %2：牵头 %3 项、配合 %4 项，佐证材料 %5 个（%6）</translation>
    </message>
    <message>
        <source>✗ %1 not written: %2</source>
        <translation>✗ %1 未写出：%2</translation>
    </message>
    <message>
        <source>Cancelled: the package under way was removed; the others were not written.</source>
        <translation>已取消：正在写出的工作包已删除，其余工作包未写出。</translation>
    </message>
    <message>
        <source>No package was written.</source>
        <translation>未写出任何工作包。</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>打开所在文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>%1 package(s) written to %2</source>
        <translation>已写出 %1 个工作包到 %2</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>All departments (one section each)</source>
        <translation>全部科室（每科室一节）</translation>
    </message>
    <message>
        <source>Department checklist</source>
        <translation>责任分解清单</translation>
    </message>
    <message>
        <source>Checklist for:</source>
        <translation>清单范围：</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1……</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 未能写入：%2</translation>
    </message>
    <message>
        <source>Save the department checklist</source>
        <translation>保存责任分解清单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save the score sheet</source>
        <translation>保存自评得分表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>自评得分表</translation>
    </message>
    <message>
        <source>Save the self-assessment report</source>
        <translation>保存自评报告</translation>
    </message>
    <message>
        <source>Self-assessment report</source>
        <translation>自评报告</translation>
    </message>
    <message>
        <source>Score sheet with typed scores</source>
        <translation>填写了得分的自评得分表</translation>
    </message>
    <message>
        <source>Refused (left as they are):</source>
        <translation>未采用（保持原样）：</translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) would change. Apply them?</source>
        <translation>
            <numerusform>将修改 %n 项得分。是否应用？</numerusform>
        </translation>
    </message>
    <message>
        <source>The score sheet changes no score.</source>
        <translation>该得分表没有需要修改的得分。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message numerus="yes">
        <source>scores from a score sheet (%n)</source>
        <translation>
            <numerusform>从得分表读入 %n 项得分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) read from the score sheet.</source>
        <translation>
            <numerusform>已从得分表读入 %n 项得分。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FailuresDialog</name>
    <message>
        <source>Text not read</source>
        <translation>未能识别的文字</translation>
    </message>
    <message>
        <source>The text of these files could not be read, so a search does not find words in them. Attach a readable copy (an unencrypted PDF, a clearer scan) to have it read.</source>
        <translation>以下文件的文字无法识别，搜索时找不到其中的文字。请添加可读的版本（未加密的 PDF、更清晰的扫描件）后再识别。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>The items holding this file</source>
        <translation>含有此文件的项目（编号）</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the indicator table</source>
        <translation>选择指标表</translation>
    </message>
    <message>
        <source>The Word (.docx) or Excel (.xlsx) file you received. Its header, levels and scoring rules are recognised; you check everything before it is imported.</source>
        <translation>收到的 Word（.docx）或 Excel（.xlsx）文件。程序识别表头、指标层级和评分规则，导入前由您逐项核对。</translation>
    </message>
    <message>
        <source>Path of a .docx or .xlsx file</source>
        <translation>.docx 或 .xlsx 文件的路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Sheets of the workbook (the one read is selected; pick another to read it):</source>
        <translation>工作簿中的工作表(&amp;S)（已选中的是正在读取的一张；选另一张即改读那张）：</translation>
    </message>
    <message>
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <source>Tables (*.docx *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Press Enter to read the file.</source>
        <translation>按 Enter 读取该文件。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Its rows are shown on the next page: say there which row is the header or what a column holds.</source>
        <translation>下一页列出了表格的各行：可在那里指明哪一行是表头，或各列的用途。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n scoring item(s) found.</source>
        <translation>
            <numerusform>%1：识别出 %n 个评分项。</numerusform>
        </translation>
    </message>
    <message>
        <source>looks like an indicator table</source>
        <translation>像指标表</translation>
    </message>
    <message>
        <source>not like an indicator table</source>
        <translation>不像指标表</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinalBanner</name>
    <message>
        <source>Final (SHA-256 %1…): the leader must reopen it before anything is changed</source>
        <translation>已定稿（SHA-256 %1…），修改前请由负责人重新打开</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>What the check found, row by row. Warnings do not stop the import; errors do until they are fixed in the file or accepted here.</source>
        <translation>逐行列出检查发现的问题。警告不影响导入；错误须在原文件中改正，或在此确认接受后才能导入。</translation>
    </message>
    <message>
        <source>Import despite the errors (repeated codes get a suffix)</source>
        <translation>仍然导入（重复的编号将加后缀区分）</translation>
    </message>
    <message>
        <source>Unit being assessed:</source>
        <translation>被考评单位：</translation>
    </message>
    <message>
        <source>Year assessed:</source>
        <translation>考评年度：</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>没有发现问题。</translation>
    </message>
</context>
<context>
    <name>FirstScreen</name>
    <message>
        <source>Opening the workspace…</source>
        <translation>正在打开工作区…</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Column %1: click to say what it holds</source>
        <translation>第 %1 列：单击可指定该列的用途</translation>
    </message>
    <message>
        <source>As you said</source>
        <translation>按你的指定</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>How to use egov-desk</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>&lt;b&gt;The table.&lt;/b&gt; The tree on the left is the year's indicator table; choose an item to see its scoring rule, its score editor, its evidence and a note on the right.</source>
        <translation>&lt;b&gt;指标表。&lt;/b&gt;左侧的树就是本年度的指标表；选中一个评分项，右侧显示它的评分细则、评分输入框、佐证材料和备注。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scoring.&lt;/b&gt; Type the score or the numbers the rule asks for and press Enter or Tab. A value the rule cannot take is marked red with the reason and is not saved. The total at the top moves with every saved score.</source>
        <translation>&lt;b&gt;评分。&lt;/b&gt;输入得分或评分细则要求的数字，按回车键或 Tab 键确认。不符合评分细则的数值会标红并说明原因，不会保存。每保存一项得分，顶部的总分随之变化。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evidence.&lt;/b&gt; Drag scans and documents onto a requirement of the item's checklist, or use Add files… (Ctrl+Shift+A). Tick a requirement when you have read its files.</source>
        <translation>&lt;b&gt;佐证材料。&lt;/b&gt;把扫描件和文档拖到该项材料清单中的某项要求上，或使用“添加文件…”（Ctrl+Shift+A）。看过材料后，勾选该要求为已核验。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scans and their words.&lt;/b&gt; Scan… (Ctrl+Shift+D) takes pages from the office scanner into the item as one PDF. The text of every file, scans too, is read in the background (the status bar shows it; Ctrl+Shift+T starts or stops it); Ctrl+Shift+F finds words inside the files and Enter opens the page with them marked. A file dated outside the year or from another unit gets a warning mark. Bind into a binder: this item Ctrl+B, a department Ctrl+Shift+B, the unit Ctrl+Alt+B. In the preview: Space or Enter on a file opens it, PageUp/PageDown/Home/End turn the pages, Ctrl++/Ctrl+-/Ctrl+0 zoom, Ctrl+L/Ctrl+R turn a page.</source>
        <translation>&lt;b&gt;扫描与材料文字。&lt;/b&gt;扫描…（Ctrl+Shift+D）把扫描仪的页面作为一个 PDF 直接加到本项。每个文件（包括扫描件）的文字都在后台识别（状态栏显示进度；Ctrl+Shift+T 开始或停止）；Ctrl+Shift+F 在材料内容中查找，按回车打开所在页并标出找到的文字。日期不在考评年度内或来自其他单位的文件会带警示标记。装订成册：本项 Ctrl+B，科室 Ctrl+Shift+B，全单位 Ctrl+Alt+B。预览：在文件上按空格或回车打开，PageUp/PageDown/Home/End 翻页，Ctrl++/Ctrl+-/Ctrl+0 缩放，Ctrl+L/Ctrl+R 旋转页面。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Departments.&lt;/b&gt; The Departments tab (Ctrl+2) shows what each department owes; File → Export writes and prints each department's checklist.</source>
        <translation>&lt;b&gt;科室。&lt;/b&gt;“科室”标签页（Ctrl+2）列出各科室承担的事项；“文件 → 导出”可生成并打印各科室的责任分解清单。</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is left.&lt;/b&gt; The Worklist tab (Ctrl+3) lists, for the unit or one department, the items not scored, materials missing or not checked, items returned for rework, deadlines passed and last year's materials to confirm; Enter goes to the item. Print or export it for the departments.</source>
        <translation>&lt;b&gt;还剩什么。&lt;/b&gt;“待办”页（Ctrl+3）按全单位或某个科室列出：未评分的指标、缺少或未核对的材料、被退回待修改的指标、已过截止日期的指标和待确认的去年材料；按回车转到该指标。可打印或导出发给各科室。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review and sign-off.&lt;/b&gt; Review → Who I am sets your name and role (filler of a department, reviewer, leader). Fillers submit their items, the reviewer returns them with a comment or approves them, and the leader finalizes the assessment: it is then locked, and its snapshot SHA-256 is printed on the report, the score sheet and the package. Only the leader can reopen it.</source>
        <translation>&lt;b&gt;审核与定稿。&lt;/b&gt;“审核 → 我的身份”填写姓名和角色（某科室的填报人、审核人、负责人）。填报人提交本科室的指标，审核人退回（附意见）或审核通过，负责人定稿：定稿后考评被锁定，其快照 SHA-256 打印在自评报告、得分表和材料包上。只有负责人可以重新打开。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next year.&lt;/b&gt; File → New assessment… can start from last year's assessment, on the same table or a new year's imported one: you confirm how the items match, then notes, requirements and the chosen materials are carried over (marked 去年材料 until confirmed). View → Years side by side compares two assessments and shows each first-level indicator over the years.</source>
        <translation>&lt;b&gt;下一年。&lt;/b&gt;“文件 → 新建考评…”可以从去年的考评沿用，用同一张指标表或新导入的当年指标表：先确认指标的对应关系，再沿用说明、材料要求和选定的材料（标为“去年材料”，确认后取消标记）。“视图 → 历年对比”对比两次考评，并显示每个一级指标历年的得分。</translation>
    </message>
    <message>
        <source>&lt;b&gt;History.&lt;/b&gt; View → Change history (Ctrl+H) shows who changed what and when, for the item or the whole assessment; Help → Check the change history… shows whether anything was changed behind the app's back.</source>
        <translation>&lt;b&gt;修改记录。&lt;/b&gt;“视图 → 修改记录”（Ctrl+H）显示本指标或整个考评由谁在何时改了什么；“帮助 → 校验修改记录…”检查是否有人绕过本程序改动了数据。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exports.&lt;/b&gt; File → Export writes the score sheet (Excel), the self-assessment report (Word) and the evidence package (ZIP, by item code).</source>
        <translation>&lt;b&gt;导出。&lt;/b&gt;“文件 → 导出”生成自评得分表（Excel）、自评报告（Word）和按编号整理的佐证材料包（ZIP）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saving.&lt;/b&gt; Every change is saved when it is made; there is no Save button. Edit → Undo (Ctrl+Z) takes back any change of the assessment shown — scores, notes, the details, files added or removed, dates, ticks, the checklist's requirements, scores read from a score sheet, a new assessment or an imported table — and Edit → Redo (Ctrl+Y) makes it again. Switching to another assessment starts its own history; restoring a backup is undone by restoring the before-restore backup.</source>
        <translation>&lt;b&gt;保存。&lt;/b&gt;每项修改在输入时即已保存，无需“保存”按钮。“编辑 → 撤销”（Ctrl+Z）可撤回当前考评中的任何修改——得分、备注、考评信息、添加或移除的文件、文件日期、核验勾选、材料要求的增删改、从得分表读入的得分、新建的考评或导入的指标表；“编辑 → 重做”（Ctrl+Y）可再次执行。切换到另一次考评后，撤销记录从头开始；恢复备份后，如需退回，可恢复“恢复前”自动生成的备份。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The unit.&lt;/b&gt; File → Assessment details changes the unit's name, the year, who fills it in and the report's date.</source>
        <translation>&lt;b&gt;单位。&lt;/b&gt;“文件 → 考评信息”可修改单位名称、年度、填报人和报告日期。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backups.&lt;/b&gt; The workspace's data is backed up when it is opened, daily, and before every import; File → Back up the workspace… makes one now and File → Restore from a backup… puts one back. File → Check the evidence files… finds missing or damaged scans; adding the original again repairs them.</source>
        <translation>&lt;b&gt;备份。&lt;/b&gt;工作区的数据在打开时、每天、每次导入之前都会自动备份；“文件 → 备份工作区…”立即备份一次，“文件 → 从备份恢复…”恢复到某次备份。“文件 → 检查佐证材料…”找出缺失或损坏的扫描件，重新添加原件即可修复。</translation>
    </message>
    <message>
        <source>&lt;b&gt;One window at a time.&lt;/b&gt; While one window has the workspace open, a second one can only read it: a yellow bar says who has it open. Keep workspaces on this PC's disk, not on a shared network folder.</source>
        <translation>&lt;b&gt;同一时间一个窗口。&lt;/b&gt;一个窗口打开工作区期间，第二个窗口只能查看：黄色横条写明谁正在使用。请把工作区放在本机磁盘上，不要放在网络共享文件夹里。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <source>Change &amp;history</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>Who changed what when, for the selected item or the whole assessment</source>
        <translation>选中指标或整个考评的修改记录：谁、何时、改了什么</translation>
    </message>
    <message>
        <source>&amp;Check the change history…</source>
        <translation>校验修改记录(&amp;C)…</translation>
    </message>
    <message>
        <source>Is the change history whole, and does the data hold what it says?</source>
        <translation>修改记录是否完整，数据是否与记录一致？</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Every change of %1</source>
        <translation>%1 的全部修改记录</translation>
    </message>
    <message>
        <source>Changes of %1 %2</source>
        <translation>%1 %2 的修改记录</translation>
    </message>
    <message>
        <source>Select an item in the tree, or tick “Whole assessment”.</source>
        <translation>请在左侧选择一个指标，或勾选“整个考评”。</translation>
    </message>
    <message>
        <source>Export the change history</source>
        <translation>导出修改记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The change history was saved to %1</source>
        <translation>修改记录已保存到 %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>&amp;Whole assessment</source>
        <translation>整个考评(&amp;W)</translation>
    </message>
    <message>
        <source>Every change of the assessment instead of the selected item's</source>
        <translation>显示整个考评的修改记录，而不只是选中指标的</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the history shown as an Excel workbook</source>
        <translation>把显示的修改记录保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>没有修改记录。</translation>
    </message>
</context>
<context>
    <name>HitsDock</name>
    <message>
        <source>Found in the evidence</source>
        <translation>材料内容搜索结果</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Searching the evidence for “%1”…</source>
        <translation>正在材料内容中查找“%1”…</translation>
    </message>
    <message>
        <source>%1 (requirement %2)</source>
        <translation>%1（第 %2 项要求）</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Nothing found in the evidence's text for “%1”</source>
        <translation>材料内容中没有找到“%1”</translation>
    </message>
    <message>
        <source>(searched again: the reading ended)</source>
        <translation>（文字识别已结束，已重新查找）</translation>
    </message>
    <message>
        <source>%1 files are not read yet: the results may be incomplete</source>
        <translation>还有 %1 个文件未识别完，结果可能不全</translation>
    </message>
    <message>
        <source>“%1”: found on %2 page(s) of %3 file(s)</source>
        <translation>“%1”：在 %3 个文件的 %2 页中找到</translation>
    </message>
    <message>
        <source>, in %1 items</source>
        <translation>，涉及 %1 个项目</translation>
    </message>
    <message>
        <source> — Enter or a double-click shows the page</source>
        <translation>；按 Enter 键或双击可查看该页</translation>
    </message>
    <message>
        <source>The evidence could not be searched for “%1”: %2</source>
        <translation>无法在材料内容中查找“%1”：%2</translation>
    </message>
</context>
<context>
    <name>HtmlPreview</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import indicator table</source>
        <translation>导入指标表</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Undo the last correction</source>
        <translation>撤销上一处更正</translation>
    </message>
    <message numerus="yes">
        <source>Close without importing? The %n correction(s) you made are lost.</source>
        <translation>
            <numerusform>不导入就关闭吗？你所做的 %n 处更正将不会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>To read the table the same way later: %1</source>
        <translation>以后按同样方式读取此表：%1</translation>
    </message>
    <message>
        <source>&amp;Close without importing</source>
        <translation>不导入，关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>继续(&amp;G)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Indicator / item</source>
        <translation>指标 / 评分项</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Self score</source>
        <translation>自评得分</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头科室</translation>
    </message>
    <message>
        <source>collected %1 · checked %2 · missing %3</source>
        <translation>已收集 %1 · 已核验 %2 · 缺 %3</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source>Weighted: %1 of %2 inside, counted × %3% in the total</source>
        <translation>加权计分：内部得分 %1 / %2，按 %3% 计入总分</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not scored yet</source>
        <translation>
            <numerusform>%n 项尚未评分</numerusform>
        </translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The total counts as 0</source>
        <translation>总分计 0 分</translation>
    </message>
    <message>
        <source>The assessment is marked failed</source>
        <translation>考评结果为否决</translation>
    </message>
    <message>
        <source>Veto triggered: %1
%2</source>
        <translation>已触发一票否决：%1
%2</translation>
    </message>
    <message>
        <source>others</source>
        <translation>外单位</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Scoring rule (as printed)</source>
        <translation>评分细则（原文）</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Evidence (drop files on a requirement)</source>
        <translation>佐证材料（可将文件拖到某项要求上）</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>How the score was reached, what is still missing…</source>
        <translation>得分依据、尚缺的材料……</translation>
    </message>
    <message>
        <source>Select an item in the tree</source>
        <translation>请在左侧选择一个评分项</translation>
    </message>
    <message>
        <source>Its rule, its score editor and its evidence appear here.</source>
        <translation>这里会显示它的评分细则、评分栏和佐证材料。</translation>
    </message>
    <message>
        <source>weight %1%</source>
        <translation>权重 %1%</translation>
    </message>
    <message>
        <source>Score %1 · %2 of %3 items scored</source>
        <translation>得分 %1 · 已评 %2 / %3 项</translation>
    </message>
    <message>
        <source>%1 of %2 inside, × %3% in the total</source>
        <translation>内部 %1 / %2，按 %3% 计入总分</translation>
    </message>
    <message>
        <source>%1 of %2 items judged</source>
        <translation>已评定 %1 / %2 项</translation>
    </message>
    <message>
        <source>worst judgement: %1</source>
        <translation>最低评定：%1</translation>
    </message>
    <message>
        <source>Judged by: %1</source>
        <translation>评定等次：%1</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>分值：%1</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>牵头：%1</translation>
    </message>
    <message>
        <source>Cooperating: %1</source>
        <translation>配合：%1</translation>
    </message>
    <message>
        <source>Result supplied by: %1</source>
        <translation>结果提供：%1</translation>
    </message>
    <message>
        <source>(no rule text)</source>
        <translation>（无评分细则）</translation>
    </message>
    <message>
        <source>Score %1 / %2</source>
        <translation>得分 %1 / %2</translation>
    </message>
    <message>
        <source>Score %1 / %2 (not all parts entered)</source>
        <translation>得分 %1 / %2（尚有分项未填）</translation>
    </message>
    <message>
        <source>Not scored yet (counts as 0 of %2)</source>
        <translation>尚未评分（按 0 分计，满分 %2）</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>尚未评定</translation>
    </message>
    <message>
        <source>Judgement: %1</source>
        <translation>评定：%1</translation>
    </message>
    <message>
        <source>Veto triggered: the total counts as 0</source>
        <translation>已触发一票否决：总分计 0 分</translation>
    </message>
    <message>
        <source>Veto triggered: the assessment is marked failed</source>
        <translation>已触发一票否决：考评结果为否决</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search code, name or rule (Ctrl+F)</source>
        <translation>搜索编号、名称或细则（Ctrl+F）</translation>
    </message>
    <message>
        <source>lead or cooperating</source>
        <translation>牵头或配合</translation>
    </message>
    <message>
        <source>as lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>as cooperating</source>
        <translation>配合</translation>
    </message>
    <message>
        <source> Assessment </source>
        <translation> 考评 </translation>
    </message>
    <message>
        <source>  Department </source>
        <translation>  科室 </translation>
    </message>
    <message>
        <source>Previous unscored</source>
        <translation>上一个未评分</translation>
    </message>
    <message>
        <source>Next unscored</source>
        <translation>下一个未评分</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>every change is saved at once</source>
        <translation>每次修改即时保存</translation>
    </message>
    <message>
        <source>Workspace: %1 · %2</source>
        <translation>工作区：%1 · %2</translation>
    </message>
    <message>
        <source>filled in by %1</source>
        <translation>填报人 %1</translation>
    </message>
    <message>
        <source> · demo workspace, deleted when closed</source>
        <translation> · 演示工作区（关闭后删除）</translation>
    </message>
    <message>
        <source>[Demo] </source>
        <translation>［演示］</translation>
    </message>
    <message>
        <source>[Read-only] </source>
        <translation>[只读] </translation>
    </message>
    <message>
        <source>Close without it</source>
        <translation>不保存并关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made elsewhere are shown.</source>
        <translation>
            <numerusform>已显示在别处做出的 %n 项修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was changed elsewhere; what you are typing is kept.</source>
        <translation>%1 已在别处被修改；您正在输入的内容保留。</translation>
    </message>
    <message>
        <source>import of %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Finishing the work under way…</source>
        <translation>正在结束进行中的工作…</translation>
    </message>
    <message>
        <source>Every item shown is scored; %1 unscored item(s) are hidden by the search or the department filter.</source>
        <translation>显示的项目都已评分；另有 %1 个未评分项被搜索或科室筛选隐藏。</translation>
    </message>
    <message>
        <source>Every item shown is scored.</source>
        <translation>当前显示的评分项都已评分。</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”匹配的项。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The input %1 for item %2 was not saved: %3</source>
        <translation>%2 项输入的 %1 未保存：%3</translation>
    </message>
    <message>
        <source>The item keeps its previous score.</source>
        <translation>该项保持原来的得分。</translation>
    </message>
    <message>
        <source>&amp;Go back and correct it</source>
        <translation>返回修改(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Discard the input</source>
        <translation>放弃输入(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ManualEditor</name>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>of %1, scaled to %2 pts</source>
        <translation>满分 %1，折算为 %2 分</translation>
    </message>
    <message>
        <source>of %1 pts</source>
        <translation>分（满分 %1 分）</translation>
    </message>
    <message>
        <source>(result from %1)</source>
        <translation>（结果由%1提供）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>Start an empty workspace in a folder</source>
        <translation>在一个文件夹中新建工作区</translation>
    </message>
    <message>
        <source>&amp;Open workspace folder…</source>
        <translation>打开工作区文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;workspaces</source>
        <translation>最近的工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Import indicator table…</source>
        <translation>导入指标表(&amp;I)…</translation>
    </message>
    <message>
        <source>Read another year's indicator table from Word or Excel</source>
        <translation>从 Word 或 Excel 读取其他年度的指标表</translation>
    </message>
    <message>
        <source>New &amp;assessment…</source>
        <translation>新建考评(&amp;A)…</translation>
    </message>
    <message>
        <source>Assessment &amp;details…</source>
        <translation>考评信息(&amp;D)…</translation>
    </message>
    <message>
        <source>The unit's name, the year, the title, who fills it in and the report's date</source>
        <translation>单位名称、年度、名称、填报人和报告日期</translation>
    </message>
    <message>
        <source>&amp;Edit the indicator system…</source>
        <translation>编辑指标体系(&amp;E)…</translation>
    </message>
    <message>
        <source>Levels, items, points, rules and evidence of the system shown; saved as a new version</source>
        <translation>修改当前指标体系的指标、评分项、分值、计分规则和佐证材料；保存为新版本</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Department checklist (&amp;Word)…</source>
        <translation>责任分解清单（Word）(&amp;W)…</translation>
    </message>
    <message>
        <source>Department checklist (P&amp;DF)…</source>
        <translation>责任分解清单（PDF）(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print the department checklist…</source>
        <translation>打印责任分解清单(&amp;P)…</translation>
    </message>
    <message>
        <source>Score &amp;sheet (Excel)…</source>
        <translation>自评得分表（Excel）(&amp;S)…</translation>
    </message>
    <message>
        <source>Self-assessment &amp;report (Word)…</source>
        <translation>自评报告（Word）(&amp;R)…</translation>
    </message>
    <message>
        <source>Read scores from a score &amp;sheet…</source>
        <translation>从自评得分表读入得分(&amp;S)…</translation>
    </message>
    <message>
        <source>Export evidence &amp;package…</source>
        <translation>导出佐证材料包(&amp;P)…</translation>
    </message>
    <message>
        <source>A ZIP ordered by item code, with an index and a manifest</source>
        <translation>按编号整理的 ZIP 包，含材料清单和校验清单</translation>
    </message>
    <message>
        <source>Check the evidence &amp;files…</source>
        <translation>检查佐证材料(&amp;F)…</translation>
    </message>
    <message>
        <source>Re-read every stored file: what is missing or damaged, and what nothing uses any more</source>
        <translation>重新读取每个已存文件：哪些缺失或损坏，哪些已无人使用</translation>
    </message>
    <message>
        <source>Back &amp;up the workspace…</source>
        <translation>备份工作区(&amp;U)…</translation>
    </message>
    <message>
        <source>A copy of the workspace's data in its backups folder</source>
        <translation>将工作区数据复制到其备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Go back to the workspace as a backup holds it</source>
        <translation>将工作区恢复为某个备份中的状态</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>评分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next unscored item</source>
        <translation>下一个未评分项(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous unscored item</source>
        <translation>上一个未评分项(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit the score</source>
        <translation>编辑得分(&amp;E)</translation>
    </message>
    <message>
        <source>Move the keyboard into the selected item's score editor</source>
        <translation>将键盘焦点移到所选评分项的评分栏</translation>
    </message>
    <message>
        <source>Back to the &amp;tree</source>
        <translation>回到指标树(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add evidence files…</source>
        <translation>添加佐证材料(&amp;A)…</translation>
    </message>
    <message>
        <source>Scans and documents for the requirement chosen in the checklist, or for the item</source>
        <translation>为材料清单中选中的要求（或本项）添加扫描件和文档</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>待办(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Years side by side…</source>
        <translation>历年对比(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open the &amp;demo workspace</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>A throw-away workspace with the 2019 system partly scored</source>
        <translation>一个用完即弃的工作区：2019 年指标体系，已部分评分</translation>
    </message>
    <message>
        <source>&amp;How to use egov-desk</source>
        <translation>使用说明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About egov-desk</source>
        <translation>关于 egov-desk(&amp;A)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>&lt;b&gt;egov-desk %1&lt;/b&gt;&lt;br&gt;Annual e-government performance evaluation, offline.&lt;br&gt;Every change is saved in the workspace at once.</source>
        <translation>&lt;b&gt;egov-desk %1&lt;/b&gt;&lt;br&gt;电子政务工作绩效年终考评，离线使用。&lt;br&gt;每次修改都即时保存在工作区中。</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Log folder: %1</source>
        <translation>日志文件夹：%1</translation>
    </message>
    <message>
        <source>About egov-desk</source>
        <translation>关于 egov-desk</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>新建考评</translation>
    </message>
    <message>
        <source>(none: start empty)</source>
        <translation>（不沿用，新建空白考评）</translation>
    </message>
    <message>
        <source>Carry over from an existing assessment</source>
        <translation>从已有考评沿用</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Carry over from:</source>
        <translation>从已有考评沿用：</translation>
    </message>
    <message>
        <source>Indicator system:</source>
        <translation>指标体系：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>new assessment</source>
        <translation>新建考评</translation>
    </message>
    <message>
        <source>carry-over</source>
        <translation>沿用去年考评</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
</context>
<context>
    <name>OcrRunner</name>
    <message>
        <source>Read the evidence's &amp;text</source>
        <translation>识别材料文字(&amp;T)</translation>
    </message>
    <message>
        <source>Read the text of scans and documents not read yet, in the background</source>
        <translation>在后台识别尚未识别的扫描件和文档中的文字</translation>
    </message>
    <message>
        <source>A read-only window reads no text: the window holding the workspace does</source>
        <translation>只读窗口不识别材料文字，由占用工作区的窗口识别</translation>
    </message>
    <message>
        <source>Every evidence file's text is read</source>
        <translation>所有佐证材料的文字都已识别</translation>
    </message>
    <message>
        <source>Stop reading the evidence's &amp;text</source>
        <translation>停止识别材料文字(&amp;T)</translation>
    </message>
</context>
<context>
    <name>OcrStatus</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading the evidence's text. What is read is kept; the rest is read the next time the workspace opens or a file is added (or at once with Edit → Read the evidence's text).</source>
        <translation>停止识别材料文字。已识别的保留；其余的在下次打开工作区或添加文件时继续识别（也可用 编辑 → 识别材料文字 立即继续）。</translation>
    </message>
    <message>
        <source>Reading the evidence's text: %1 files…</source>
        <translation>正在识别材料文字：共 %1 个文件…</translation>
    </message>
    <message>
        <source>Reading the evidence's text %1/%2: %3</source>
        <translation>正在识别材料文字 %1/%2：%3</translation>
    </message>
    <message>
        <source>%1, page %2 of %3</source>
        <translation>%1，第 %2 页，共 %3 页</translation>
    </message>
    <message>
        <source>Stopping after this page…</source>
        <translation>识别完本页后停止…</translation>
    </message>
    <message>
        <source>The evidence's text could not be read: %1</source>
        <translation>无法识别材料文字：%1</translation>
    </message>
    <message>
        <source>Text reading stopped: %1 files read, %2 wait for the next start</source>
        <translation>已停止识别材料文字：已识别 %1 个文件，其余 %2 个下次继续</translation>
    </message>
    <message>
        <source>; press %1 to go on now</source>
        <translation>；按 %1 继续</translation>
    </message>
    <message>
        <source>Evidence text read: %1 files</source>
        <translation>材料文字识别完成：%1 个文件</translation>
    </message>
    <message>
        <source>%1 failed — why?</source>
        <translation>%1 个失败——查看原因</translation>
    </message>
    <message>
        <source>List the files whose text could not be read, with the reasons</source>
        <translation>列出无法识别文字的文件及原因</translation>
    </message>
</context>
<context>
    <name>OpenOutside</name>
    <message>
        <source>No program on this PC opened the folder. It is here:
%1</source>
        <translation>本机没有能打开该文件夹的程序。文件夹位置：
%1</translation>
    </message>
    <message>
        <source>No program on this PC opens “%1” (install a PDF or image viewer). The file is here:
%2</source>
        <translation>本机没有能打开「%1」的程序（请安装 PDF 或图片查看程序）。文件位置：
%2</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>无法打开</translation>
    </message>
</context>
<context>
    <name>OpenSummary</name>
    <message>
        <source>Open a department work package</source>
        <translation>打开科室工作包</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is package %2 of %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 是「%3」的第 %2 个工作包。</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <source>%1 as lead, %2 cooperating</source>
        <translation>牵头 %1 项，配合 %2 项</translation>
    </message>
    <message>
        <source>%1 file(s), %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Assessment:</source>
        <translation>考评：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Package number:</source>
        <translation>工作包编号：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来自：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>佐证材料：</translation>
    </message>
    <message>
        <source>As it should appear beside every change in the history</source>
        <translation>历史记录中每项修改旁显示的姓名</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>您的姓名(&amp;Y)：</translation>
    </message>
    <message>
        <source>Your name is needed: every change made here is recorded under it.</source>
        <translation>请填写您的姓名：在此所做的每项修改都以该姓名记录。</translation>
    </message>
    <message>
        <source>Make a &amp;new workspace instead</source>
        <translation>另建一个新的工作区(&amp;N)</translation>
    </message>
    <message>
        <source>Make the department's workspace in &amp;folder:</source>
        <translation>科室填报工作区建在文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>This package was opened before: its workspace %1 is opened again, with what was filled in there — it is not made twice.</source>
        <translation>此工作包以前已打开过：将重新打开其工作区 %1，保留在那里填报的内容，不会再建一份。</translation>
    </message>
    <message>
        <source>&amp;Open it again</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Make the workspace</source>
        <translation>建立工作区(&amp;M)</translation>
    </message>
    <message>
        <source>Folder for the department's workspace</source>
        <translation>科室填报工作区的文件夹</translation>
    </message>
</context>
<context>
    <name>PackageExport</name>
    <message>
        <source>The whole unit</source>
        <translation>全单位</translation>
    </message>
    <message>
        <source>Evidence package</source>
        <translation>佐证材料包</translation>
    </message>
    <message>
        <source>Package for:</source>
        <translation>导出范围：</translation>
    </message>
    <message>
        <source>Save the evidence package</source>
        <translation>保存佐证材料包</translation>
    </message>
    <message>
        <source>ZIP package (*.zip)</source>
        <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Packing the evidence…</source>
        <translation>正在打包佐证材料……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>File %1 of %2 · %3 MB of %4 MB</source>
        <translation>第 %1 / %2 个文件 · %3 MB / %4 MB</translation>
    </message>
    <message>
        <source>%1: %2 files written</source>
        <translation>%1：已写入 %2 个文件</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The package was not written: %1</source>
        <translation>材料包未能写入：%1</translation>
    </message>
    <message numerus="yes">
        <source>The package %1 was written, but %n file(s) could not be packed:</source>
        <translation>
            <numerusform>佐证材料包 %1 已写出，但有 %n 个文件未能打包：</numerusform>
        </translation>
    </message>
    <message>
        <source>missing from the evidence store</source>
        <translation>佐证材料库中缺失</translation>
    </message>
    <message>
        <source>its stored copy is damaged</source>
        <translation>佐证材料库中的副本已损坏</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>They are listed in the index workbook (sheet %1). Add the original files again (adding the same file repairs a damaged copy), then export again.</source>
        <translation>材料清单的“%1”表列出了这些文件。请找到原文件重新添加（再次添加同一文件即可修复损坏的副本），然后重新导出。</translation>
    </message>
</context>
<context>
    <name>PackageExports</name>
    <message>
        <source>Export department work packages</source>
        <translation>导出科室工作包</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%2 中已有 %1，是否替换？</translation>
    </message>
</context>
<context>
    <name>PackageOpening</name>
    <message>
        <source>Open a department work package</source>
        <translation>打开科室工作包</translation>
    </message>
    <message>
        <source>Work package (*%1)</source>
        <translation>科室工作包 (*%1)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1: a return, not a department work package — returns are imported by the coordinating side that sent the packages.</source>
        <translation>%1：这是回执包，不是科室工作包——回执由发出工作包的汇总方导入。</translation>
    </message>
    <message>
        <source>Making the department workspace in %1…</source>
        <translation>正在 %1 建立科室填报工作区…</translation>
    </message>
    <message>
        <source>Department work package</source>
        <translation>科室工作包</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PackageWork</name>
    <message>
        <source>Export department work packa&amp;ges…</source>
        <translation>导出科室工作包(&amp;G)…</translation>
    </message>
    <message>
        <source>One .egovpkg per department, to fill in on its own PC and send back as a return</source>
        <translation>每个部门一个 .egovpkg 工作包，在部门自己的电脑上填报后以回执发回</translation>
    </message>
    <message>
        <source>Open a department wor&amp;k package…</source>
        <translation>打开科室工作包(&amp;K)…</translation>
    </message>
    <message>
        <source>Make a department's workspace from the work package it was sent, and open it</source>
        <translation>用收到的工作包建立科室填报工作区并打开</translation>
    </message>
    <message>
        <source>What this department changed, and its new files, in one file to give back to the package's sender</source>
        <translation>把本科室的修改和新增文件打包成一个文件，交回发出工作包的人</translation>
    </message>
    <message>
        <source>&amp;Make the return…</source>
        <translation>生成回执(&amp;M)…</translation>
    </message>
    <message>
        <source>Only in a department's workspace, made from a work package</source>
        <translation>只能在由科室工作包建立的科室填报工作区中使用</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>当前页</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>向左转</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>向右转</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>后移</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>PagedPreview</name>
    <message>
        <source>This page cannot be shown.</source>
        <translation>无法显示此页。</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>⟲ Turn left</source>
        <translation>⟲ 向左旋转</translation>
    </message>
    <message>
        <source>Show this page turned a quarter to the left (Ctrl+L). The file itself is not changed.</source>
        <translation>将本页向左旋转 90°显示（Ctrl+L）。只改变显示，文件本身不变。</translation>
    </message>
    <message>
        <source>⟳ Turn right</source>
        <translation>⟳ 向右旋转</translation>
    </message>
    <message>
        <source>Show this page turned a quarter to the right (Ctrl+R). The file itself is not changed.</source>
        <translation>将本页向右旋转 90°显示（Ctrl+R）。只改变显示，文件本身不变。</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller (Ctrl+- or Ctrl+wheel)</source>
        <translation>缩小（Ctrl+- 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>The zoom: 100% is the page at its own size</source>
        <translation>缩放比例：100% 为页面原始大小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger (Ctrl++ or Ctrl+wheel)</source>
        <translation>放大（Ctrl++ 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>The page as wide as the window (Ctrl+0)</source>
        <translation>页面与窗口同宽（Ctrl+0）</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>My identity</source>
        <translation>我的身份</translation>
    </message>
    <message>
        <source>Your name, as it should appear in the records</source>
        <translation>您的姓名，将如此记录在修改记录中</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>所在科室(&amp;D)：</translation>
    </message>
    <message>
        <source>Fills in and submits the items the department leads or cooperates on.</source>
        <translation>填写并提交本科室牵头或配合的指标。</translation>
    </message>
    <message>
        <source>Returns items with a comment or approves them; moves the assessment to review.</source>
        <translation>退回指标（附意见）或审核通过；可将考评转入审核阶段。</translation>
    </message>
    <message>
        <source>May do everything: also signs off (final) and reopens.</source>
        <translation>可进行全部操作，包括定稿和重新打开。</translation>
    </message>
    <message>
        <source>Give your name: it is recorded with every review action.</source>
        <translation>请填写姓名：每项审核操作都会记录姓名。</translation>
    </message>
    <message>
        <source>Choose your department: a filler submits that department's items.</source>
        <translation>请选择所在科室：填报人提交本科室的指标。</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>No preview for this type; open it with its program.</source>
        <translation>此类型无法预览，请用相应程序打开。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Open with its program</source>
        <translation>用相应程序打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 — page %2</source>
        <translation>%1 — 第 %2 页</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>RatioEditor</name>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>比率（%）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>The rate cannot be above 100%.</source>
        <translation>比率不能超过 100%。</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only:</source>
        <translation>只读：</translation>
    </message>
    <message>
        <source>(What is shown is the workspace as it was at %1.)</source>
        <translation>（显示的是 %1 时工作区的副本，不会自动更新。）</translation>
    </message>
    <message>
        <source>the window that held the workspace has closed. Reopen it here to make changes: &lt;a href='reopen'&gt;reopen for editing&lt;/a&gt;.</source>
        <translation>占用工作区的窗口已经关闭。要修改请在这里&lt;a href='reopen'&gt;重新打开以便修改&lt;/a&gt;。</translation>
    </message>
</context>
<context>
    <name>RequiredText</name>
    <message>
        <source>Please write it: it is recorded with the action.</source>
        <translation>请写明：它会随本次操作一并记录。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The workspace as it is now is backed up first.</source>
        <translation>请选择要恢复的备份。恢复前会先备份工作区的当前状态。</translation>
    </message>
    <message>
        <source>There is no backup of this workspace yet.</source>
        <translation>此工作区还没有备份。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ReturnChangesModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Department's value</source>
        <translation>科室填报值</translation>
    </message>
    <message>
        <source>Office's value now</source>
        <translation>本处现值</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人/时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (cooperating)</source>
        <translation>（配合）</translation>
    </message>
</context>
<context>
    <name>ReturnImport</name>
    <message>
        <source>Import department re&amp;turns…</source>
        <translation>导入科室回执(&amp;T)…</translation>
    </message>
    <message>
        <source>Review what a department's return changes and its conflicts, then apply what you accept</source>
        <translation>查看科室回执中的修改和冲突，只应用您接受的修改</translation>
    </message>
    <message>
        <source>The office's to do: a department's workspace makes its return, the office imports it</source>
        <translation>这是汇总方的工作：科室填报工作区只生成回执，由发出工作包的汇总方导入</translation>
    </message>
    <message>
        <source>Import department returns</source>
        <translation>导入科室回执</translation>
    </message>
    <message>
        <source>Work packages (*.egovpkg);;All files (*)</source>
        <translation>工作包 (*.egovpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This window can only read the workspace; it takes in no return.</source>
        <translation>此窗口只能查看工作区，不能导入回执。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Department return</source>
        <translation>科室回执</translation>
    </message>
    <message>
        <source>Checking %1: %2 of %3 MB</source>
        <translation>正在检查 %1：%2 / %3 MB</translation>
    </message>
    <message>
        <source>Import of the returns cancelled; nothing was changed.</source>
        <translation>已取消导入回执，未做任何修改。</translation>
    </message>
    <message>
        <source>Applying the return of %1…</source>
        <translation>正在应用「%1」的回执…</translation>
    </message>
    <message>
        <source>Storing the new evidence of %1: %2 of %3 MB</source>
        <translation>正在存入「%1」的新佐证材料：%2 / %3 MB</translation>
    </message>
    <message>
        <source>Applying cancelled; nothing was written.</source>
        <translation>已取消应用，未写入任何修改。</translation>
    </message>
    <message>
        <source>Applied the return of %1 again.</source>
        <translation>已重新应用「%1」的回执。</translation>
    </message>
    <message>
        <source>Took back the return of %1: the values before it are back.</source>
        <translation>已撤销「%1」的回执：恢复为导入前的值。</translation>
    </message>
    <message>
        <source>return of %1</source>
        <translation>「%1」的回执</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s) from the return of %1 (Ctrl+Z takes them back).</source>
        <translation>
            <numerusform>已应用「%1」回执中的 %n 项修改（Ctrl+Z 可撤销）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReturnReview</name>
    <message>
        <source>Return from %1</source>
        <translation>「%1」的回执</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>%1 to apply, %2 in conflict, %3 already the same</source>
        <translation>%1 项待应用、%2 处冲突、%3 项已一致</translation>
    </message>
    <message>
        <source>The return changes nothing.</source>
        <translation>此回执中没有修改。</translation>
    </message>
    <message>
        <source>Everything is the same already: nothing to apply.</source>
        <translation>全部已一致，无需应用。</translation>
    </message>
    <message>
        <source>Answers work package no. %1 · made by %2 on %3</source>
        <translation>答复第 %1 个工作包 · %2 于 %3 制作</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>A&amp;ll</source>
        <translation>全部(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Conflicts only</source>
        <translation>只看冲突(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;To apply</source>
        <translation>待应用(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) still need a choice (Alt+D or Alt+O).</source>
        <translation>
            <numerusform>还有 %n 处冲突未选择（Alt+D 采用科室的，Alt+O 保留本处的）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be applied; Ctrl+Z takes them back.</source>
        <translation>
            <numerusform>将应用 %n 项修改；应用后可按 Ctrl+Z 撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>没有要应用的修改。</translation>
    </message>
    <message numerus="yes">
        <source>Close without applying anything? The %n choice(s) made here are given up.</source>
        <translation>
            <numerusform>关闭后不会应用任何修改，这里已做的 %n 项选择将放弃。确定关闭吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Close &amp;without applying</source>
        <translation>不应用并关闭(&amp;W)</translation>
    </message>
    <message>
        <source>Already the same</source>
        <translation>已一致</translation>
    </message>
    <message>
        <source>Conflict · department's</source>
        <translation>冲突 · 采用科室的</translation>
    </message>
    <message>
        <source>Conflict · office's</source>
        <translation>冲突 · 保留本处的</translation>
    </message>
    <message>
        <source>Conflict · choose</source>
        <translation>冲突 · 待选择</translation>
    </message>
    <message>
        <source>To apply</source>
        <translation>待应用</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>不应用</translation>
    </message>
    <message>
        <source>A cooperating department (%1) changed an item %2 leads.</source>
        <translation>配合科室「%1」修改了牵头项目（由「%2」牵头）</translation>
    </message>
    <message>
        <source>Changed here by %1 on %2, after the package was made.</source>
        <translation>工作包发出后，%1 于 %2 在本处修改过</translation>
    </message>
    <message>
        <source>Changed here after the package was made.</source>
        <translation>工作包发出后，本处修改过</translation>
    </message>
</context>
<context>
    <name>ReturnStep</name>
    <message>
        <source>This is not a department's workspace: returns are made from a work package opened here.</source>
        <translation>这不是科室填报工作区：回执只能在打开科室工作包后生成。</translation>
    </message>
    <message>
        <source>Reading the changes…</source>
        <translation>正在读取修改…</translation>
    </message>
    <message>
        <source>Nothing was changed since the package came: a return now tells %1 only that. Write it anyway?</source>
        <translation>收到工作包以来没有任何修改：现在生成的回执只会告诉%1这一点。仍要生成吗？</translation>
    </message>
    <message>
        <source>Make the return</source>
        <translation>生成回执</translation>
    </message>
    <message>
        <source>The return holds %1 change(s) to %2 item(s) and %3 new file(s) (%4).</source>
        <translation>回执包含 %2 个指标的 %1 处修改，新增文件 %3 个（%4）：</translation>
    </message>
    <message>
        <source>&amp;Save the return…</source>
        <translation>保存回执(&amp;S)…</translation>
    </message>
    <message>
        <source>%1 %2: %3 change(s)</source>
        <translation>%1 %2：%3 处修改</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>Save the return</source>
        <translation>保存回执</translation>
    </message>
    <message>
        <source>Return (*%1)</source>
        <translation>回执 (*%1)</translation>
    </message>
    <message>
        <source>Writing the return %1…</source>
        <translation>正在写出回执 %1…</translation>
    </message>
    <message>
        <source>The return %1 was written: %2 change(s) to %3 item(s), %4 new file(s).</source>
        <translation>回执 %1 已写出：%3 个指标共 %2 处修改，新增文件 %4 个。</translation>
    </message>
    <message>
        <source>Give it back to %1 (USB stick or intranet mail): it is imported there.</source>
        <translation>请用 U 盘或内网邮件把回执交回 %1，由其导入。</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>打开所在文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Return written: %1</source>
        <translation>回执已写出：%1</translation>
    </message>
    <message>
        <source>The return was cancelled; nothing was written.</source>
        <translation>已取消生成回执，未写出任何文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Review:</source>
        <translation>审核：</translation>
    </message>
    <message>
        <source>Returned: %1</source>
        <translation>退回意见：%1</translation>
    </message>
</context>
<context>
    <name>ReviewDesk</name>
    <message>
        <source>%1 leads this item: as a filler of %2 you can look at it, not change it.</source>
        <translation>本项由%1牵头：您是%2的填报人，可以查看，不能修改。</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>identity not chosen</source>
        <translation>尚未选择身份</translation>
    </message>
    <message>
        <source>A department workspace is always filled in by its own department</source>
        <translation>科室填报工作区的身份固定为本科室的填报人，只需填写姓名</translation>
    </message>
    <message>
        <source>Review and sign-off are recorded with your name and role: say who you are first.</source>
        <translation>审核和定稿会记录您的姓名和角色：请先说明您的身份。</translation>
    </message>
    <message>
        <source>Done: %1 (Ctrl+Z undoes it)</source>
        <translation>已完成：%1（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>submit %1</source>
        <translation>提交 %1</translation>
    </message>
    <message>
        <source>approve %1</source>
        <translation>审核通过 %1</translation>
    </message>
    <message>
        <source>return %1</source>
        <translation>退回 %1</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>退回 %1</translation>
    </message>
    <message>
        <source>What is to be reworked in %1 (the filler sees this):</source>
        <translation>%1 需要修改什么（填报人会看到这段意见）：</translation>
    </message>
    <message>
        <source>start the review stage</source>
        <translation>进入审核阶段</translation>
    </message>
    <message>
        <source>Finalize the assessment? Scores, notes and evidence are then locked until the leader reopens it.</source>
        <translation>确定定稿？定稿后得分、说明和佐证材料都将锁定，直到负责人重新打开。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) are not approved yet:</source>
        <translation>
            <numerusform>还有 %n 项指标未审核通过：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Finalize</source>
        <translation>定稿(&amp;F)</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>The assessment is final. Its snapshot's SHA-256 (printed on the report, the score sheet and the package's manifest):
%1</source>
        <translation>考评已定稿。定稿快照的 SHA-256（印在自评报告、自评得分表和材料包清单上）：
%1</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Why is the final assessment reopened (recorded):</source>
        <translation>重新打开已定稿考评的原因（将被记录）：</translation>
    </message>
    <message>
        <source>Undoing the sign-off reopens the assessment. Why (recorded):</source>
        <translation>撤销定稿即重新打开考评。原因（将被记录）：</translation>
    </message>
</context>
<context>
    <name>ReviewMenu</name>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>My &amp;identity…</source>
        <translation>我的身份(&amp;I)…</translation>
    </message>
    <message>
        <source>Your name and role, recorded with every change</source>
        <translation>您的姓名和角色，随每项修改一并记录</translation>
    </message>
    <message>
        <source>&amp;Submit this item</source>
        <translation>提交本项(&amp;S)</translation>
    </message>
    <message>
        <source>Hand the item over for review</source>
        <translation>将本项提交审核</translation>
    </message>
    <message>
        <source>&amp;Return this item…</source>
        <translation>退回本项(&amp;R)…</translation>
    </message>
    <message>
        <source>Send the item back for rework, with a comment</source>
        <translation>退回本项要求修改，并填写退回意见</translation>
    </message>
    <message>
        <source>&amp;Approve this item</source>
        <translation>审核通过本项(&amp;A)</translation>
    </message>
    <message>
        <source>The item is reviewed and right</source>
        <translation>本项已审核，内容无误</translation>
    </message>
    <message>
        <source>Submit all of the &amp;department's items…</source>
        <translation>提交本科室全部(&amp;D)…</translation>
    </message>
    <message>
        <source>Submit every item the department leads or cooperates on that is being filled in</source>
        <translation>提交本科室牵头或配合的、正在填报的全部指标</translation>
    </message>
    <message>
        <source>Approve a&amp;ll submitted items…</source>
        <translation>审核通过全部已提交项(&amp;L)…</translation>
    </message>
    <message>
        <source>Approve every submitted item (of the department chosen in the toolbar's filter, if one is)</source>
        <translation>审核通过所有已提交的指标（如在工具栏选了科室，则只含该科室的）</translation>
    </message>
    <message>
        <source>Start the re&amp;view stage</source>
        <translation>进入审核阶段(&amp;V)</translation>
    </message>
    <message>
        <source>Filling in ends; reviewers check items</source>
        <translation>填报结束，由审核人审核各项</translation>
    </message>
    <message>
        <source>&amp;Finalize (sign off)…</source>
        <translation>定稿(&amp;F)…</translation>
    </message>
    <message>
        <source>Lock the assessment and freeze its snapshot's SHA-256</source>
        <translation>锁定考评并固定其快照的 SHA-256</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Unlock a final assessment, giving the reason</source>
        <translation>说明原因后解除定稿</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>This window is read-only</source>
        <translation>本窗口为只读</translation>
    </message>
    <message>
        <source>The assessment is final: the leader must reopen it first</source>
        <translation>考评已定稿：需先由负责人重新打开</translation>
    </message>
    <message>
        <source>Select an item in the tree first</source>
        <translation>请先在指标树中选择一个评分项</translation>
    </message>
    <message>
        <source>Submitting is for a filler or the leader</source>
        <translation>只有填报人或负责人可以提交</translation>
    </message>
    <message>
        <source>Nothing is entered for the item yet</source>
        <translation>本项尚未填写任何内容</translation>
    </message>
    <message>
        <source>The item is submitted already</source>
        <translation>本项已经提交</translation>
    </message>
    <message>
        <source>%1 leads this item, not %2</source>
        <translation>本项由%1牵头，不是%2</translation>
    </message>
    <message>
        <source>Returning and approving are for a reviewer or the leader</source>
        <translation>只有审核人或负责人可以退回或审核通过</translation>
    </message>
    <message>
        <source>Only a submitted or approved item can be returned</source>
        <translation>只有已提交或已审核的指标才能退回</translation>
    </message>
    <message>
        <source>Only a submitted or returned item can be approved</source>
        <translation>只有已提交或已退回的指标才能审核通过</translation>
    </message>
    <message>
        <source>Choose a department in the toolbar's filter first</source>
        <translation>请先在工具栏的科室筛选中选择一个科室</translation>
    </message>
    <message>
        <source>Starting the review is for a reviewer or the leader</source>
        <translation>只有审核人或负责人可以进入审核阶段</translation>
    </message>
    <message>
        <source>The assessment is in review already</source>
        <translation>考评已处于审核阶段</translation>
    </message>
    <message>
        <source>Only the leader signs off</source>
        <translation>只有负责人可以定稿</translation>
    </message>
    <message>
        <source>Start the review stage first</source>
        <translation>请先进入审核阶段</translation>
    </message>
    <message>
        <source>Only the leader reopens</source>
        <translation>只有负责人可以重新打开</translation>
    </message>
    <message>
        <source>The assessment is not final</source>
        <translation>考评尚未定稿</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Indicator / scoring rule</source>
        <translation>指标 / 评分细则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Proposed rule</source>
        <translation>建议规则</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>weight %1%</source>
        <translation>权重 %1%</translation>
    </message>
    <message>
        <source>Indicators and scoring rules</source>
        <translation>指标与评分规则</translation>
    </message>
    <message>
        <source>The tree as read, and the rule proposed for each item beside its text. Rules marked in amber need a person's check; all rules can be changed later.</source>
        <translation>读取到的指标树，以及每个评分项的细则和建议的计分规则。橙色标出的规则需要人工核对；所有规则导入后仍可修改。</translation>
    </message>
    <message numerus="yes">
        <source>%n scoring item(s); </source>
        <translation>
            <numerusform>共 %n 个评分项；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) to check</source>
        <translation>
            <numerusform>%n 条规则需人工核对</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsPage</name>
    <message>
        <source>Rows of the table</source>
        <translation>表格的行</translation>
    </message>
    <message>
        <source>What each row was read as. Select rows (Shift/Ctrl for several) and say what they are; click a column's title to say what it holds. The tree on the right follows each correction.</source>
        <translation>每一行的识别结果。选中行（按住 Shift/Ctrl 可多选）后指明它们是什么；单击列标题可指定该列的用途。右侧的指标树随每处更正即时更新。</translation>
    </message>
    <message>
        <source>&amp;Header row</source>
        <translation>表头(&amp;H)</translation>
    </message>
    <message>
        <source>The selected row (or two adjacent rows) is the table's header (Ctrl+H)</source>
        <translation>所选的一行（或相邻两行）是表头（Ctrl+H）</translation>
    </message>
    <message>
        <source>&amp;No header</source>
        <translation>无表头(&amp;N)</translation>
    </message>
    <message>
        <source>The table has no header: its columns are told from their content (Ctrl+Shift+H)</source>
        <translation>表格没有表头：各列用途按内容推断（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>指标(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>评分项(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>分组(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tier of the item above</source>
        <translation>上一项的档次(&amp;T)</translation>
    </message>
    <message>
        <source>I&amp;gnore</source>
        <translation>忽略(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;As read</source>
        <translation>按读取结果(&amp;A)</translation>
    </message>
    <message>
        <source>The selected rows open a level (Ctrl+1)</source>
        <translation>所选各行是指标（Ctrl+1）</translation>
    </message>
    <message>
        <source>The selected rows are scoring items (Ctrl+2)</source>
        <translation>所选各行是评分项（Ctrl+2）</translation>
    </message>
    <message>
        <source>The selected rows are sections (一、二、…) above the levels (Ctrl+3)</source>
        <translation>所选各行是指标之上的分组（一、二、…）（Ctrl+3）</translation>
    </message>
    <message>
        <source>The selected rows belong to the rule of the item above them (Ctrl+4)</source>
        <translation>所选各行是上方评分项的档次，并入其评分细则（Ctrl+4）</translation>
    </message>
    <message>
        <source>The selected rows are not imported (Ctrl+5)</source>
        <translation>所选各行不导入（Ctrl+5）</translation>
    </message>
    <message>
        <source>The selected rows are read as the import sees them (Ctrl+0)</source>
        <translation>所选各行按自动读取的结果处理（Ctrl+0）</translation>
    </message>
    <message>
        <source>Column &amp;role…</source>
        <translation>列用途(&amp;R)…</translation>
    </message>
    <message>
        <source>Say what the current column holds (Ctrl+R)</source>
        <translation>指定当前列的用途（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Undo correction</source>
        <translation>撤销更正(&amp;U)</translation>
    </message>
    <message>
        <source>Take back the last correction (Ctrl+Z)</source>
        <translation>撤销上一处更正（Ctrl+Z）</translation>
    </message>
    <message>
        <source>&amp;Reset to automatic reading</source>
        <translation>恢复自动读取(&amp;R)</translation>
    </message>
    <message>
        <source>The same reading on the command line, for a script</source>
        <translation>在命令行按同样方式读取，可写入脚本</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>命令行：</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s)</source>
        <translation>
            <numerusform>已更正 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Read automatically, nothing corrected</source>
        <translation>自动读取，未作更正</translation>
    </message>
    <message numerus="yes">
        <source>%n scoring item(s)</source>
        <translation>
            <numerusform>%n 个评分项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> under %n top-level level(s)</source>
        <translation>
            <numerusform>，分属 %n 个一级指标</numerusform>
        </translation>
    </message>
    <message>
        <source> · the first %1 rows are shown</source>
        <translation> · 只显示前 %1 行</translation>
    </message>
    <message>
        <source>A header is one row or two adjacent rows: select one row, or two rows one above the other.</source>
        <translation>表头只能是一行或相邻两行：请只选一行，或上下相邻的两行。</translation>
    </message>
    <message>
        <source>As read</source>
        <translation>按读取结果</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Not judged</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source> (parts still open)</source>
        <translation>（尚有分项未填）</translation>
    </message>
    <message>
        <source>→ judged %1</source>
        <translation>→ 评定：%1</translation>
    </message>
    <message>
        <source>→ %1 points</source>
        <translation>→ %1 分</translation>
    </message>
    <message>
        <source>Yes (%1 pts)</source>
        <translation>是（%1 分）</translation>
    </message>
    <message>
        <source>No (0 pts)</source>
        <translation>否（0 分）</translation>
    </message>
    <message>
        <source>%1 (%2 pts)</source>
        <translation>%1（%2 分）</translation>
    </message>
</context>
<context>
    <name>RuleForm</name>
    <message>
        <source>Highest points</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>In steps of</source>
        <translation>评分步长</translation>
    </message>
    <message>
        <source>Supplied by</source>
        <translation>提供单位</translation>
    </message>
    <message>
        <source>Points for yes</source>
        <translation>“是”得分</translation>
    </message>
    <message>
        <source>Points per unit</source>
        <translation>每项得分</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>最高得分</translation>
    </message>
    <message>
        <source>What is counted</source>
        <translation>计数对象</translation>
    </message>
    <message>
        <source>Starting points</source>
        <translation>起评分</translation>
    </message>
    <message>
        <source>Points off each</source>
        <translation>每处扣分</translation>
    </message>
    <message>
        <source>Never below</source>
        <translation>最低得分</translation>
    </message>
    <message>
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>Entered as a rate</source>
        <translation>按比率填写</translation>
    </message>
    <message>
        <source>Ranked among (0: not said)</source>
        <translation>参评总数（0 表示未规定）</translation>
    </message>
    <message>
        <source>Points otherwise</source>
        <translation>其余名次得分</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Options (choose one)</source>
        <translation>选项（单选）</translation>
    </message>
    <message>
        <source>Bands of ranks</source>
        <translation>名次段</translation>
    </message>
    <message>
        <source>From rank</source>
        <translation>起始名次</translation>
    </message>
    <message>
        <source>To rank</source>
        <translation>截止名次</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Or points by how many are met (optional)</source>
        <translation>或按满足项数计分（可不填）</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>至少满足</translation>
    </message>
    <message>
        <source>Kinds of deduction, each counted (optional)</source>
        <translation>分类扣分（各类分别计数，可不填）</translation>
    </message>
    <message>
        <source>At most off (optional)</source>
        <translation>最多扣（可不填）</translation>
    </message>
    <message>
        <source>Levels, best first</source>
        <translation>等级（从高到低）</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Rule type</source>
        <translation>规则类型</translation>
    </message>
    <message>
        <source>Name of the part</source>
        <translation>分项名称</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>分项 %1</translation>
    </message>
    <message>
        <source>Remove this part</source>
        <translation>删除此分项</translation>
    </message>
    <message>
        <source>Add a part</source>
        <translation>添加分项</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number of 0 or more; type a number such as 2 or 0.5.</source>
        <translation>%1：“%2”不是有效的数；请填写 0 或更大的数，如 2 或 0.5。</translation>
    </message>
    <message>
        <source>%1, row %2, %3: “%4”</source>
        <translation>%1第 %2 行的%3：“%4”</translation>
    </message>
    <message>
        <source>%1 is not a number of 0 or more; type a number such as 2 or 0.5.</source>
        <translation>%1不是有效的数；请填写 0 或更大的数，如 2 或 0.5。</translation>
    </message>
</context>
<context>
    <name>ScanDesk</name>
    <message>
        <source>&amp;Scan into the item…</source>
        <translation>扫描(&amp;S)…</translation>
    </message>
    <message>
        <source>Scan pages from the scanner into the chosen requirement or item as one PDF</source>
        <translation>从扫描仪扫描页面，作为一个 PDF 加入所选材料要求或考评项</translation>
    </message>
    <message>
        <source>Scan…</source>
        <translation>扫描…</translation>
    </message>
    <message>
        <source>Scan pages into this item (%1)</source>
        <translation>扫描页面到本项（%1）</translation>
    </message>
    <message>
        <source>Scan into this requirement…</source>
        <translation>扫描到此材料要求…</translation>
    </message>
    <message>
        <source>Scan into the item…</source>
        <translation>扫描到本项…</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>请先选择一个考评项。</translation>
    </message>
    <message>
        <source>scan into %1</source>
        <translation>扫描到 %1</translation>
    </message>
    <message>
        <source>Saved %1 scanned page(s) to %2: %3</source>
        <translation>已把 %1 页扫描保存到 %2：%3</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan into %1</source>
        <translation>扫描到 %1</translation>
    </message>
    <message>
        <source>Pages go to: %1</source>
        <translation>扫描到：%1</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>取消扫描(&amp;T)</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <source>The current page shows here once scanned.</source>
        <translation>扫描后，当前页在这里显示。</translation>
    </message>
    <message>
        <source>Sa&amp;ve to evidence</source>
        <translation>保存到材料(&amp;V)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>正在查找扫描仪…</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>Stopping after this page…</source>
        <translation>扫完本页后停止…</translation>
    </message>
    <message>
        <source>Page %1 scanned.</source>
        <translation>已扫描第 %1 页。</translation>
    </message>
    <message>
        <source>Scan stopped: %1 page(s) kept. Scan more or save.</source>
        <translation>已停止扫描，保留了 %1 页。可继续扫描或保存。</translation>
    </message>
    <message>
        <source>%1 page(s) scanned, %2 in all. Turn, move or drop pages, scan more, or save.</source>
        <translation>本次扫描 %1 页，共 %2 页。可旋转、移动或删除页面，继续扫描，或保存。</translation>
    </message>
    <message>
        <source>Saving %1 page(s) as one PDF…</source>
        <translation>正在把 %1 页保存为一个 PDF…</translation>
    </message>
    <message>
        <source>&amp;Scan more</source>
        <translation>继续扫描(&amp;S)</translation>
    </message>
    <message>
        <source>%1 page(s) to save</source>
        <translation>待保存 %1 页</translation>
    </message>
    <message>
        <source>Document feeder, both sides</source>
        <translation>自动进纸器（双面）</translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation>自动进纸器</translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation>平板</translation>
    </message>
    <message>
        <source>Unsaved pages</source>
        <translation>未保存的扫描页</translation>
    </message>
    <message>
        <source>%1 scanned page(s) are not saved. Close and discard them?</source>
        <translation>有 %1 页扫描尚未保存。关闭并放弃这些页吗？</translation>
    </message>
    <message>
        <source>Discard the pages</source>
        <translation>放弃这些页</translation>
    </message>
    <message>
        <source>Keep scanning</source>
        <translation>继续扫描</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>重新查找(&amp;L)</translation>
    </message>
    <message>
        <source>Until the feeder is &amp;empty</source>
        <translation>扫描到进纸器为空(&amp;E)</translation>
    </message>
    <message>
        <source>Sc&amp;anner:</source>
        <translation>扫描仪(&amp;A)：</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>来源(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>色彩(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Pages:</source>
        <translation>页数(&amp;P)：</translation>
    </message>
    <message>
        <source>Gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>黑白</translation>
    </message>
</context>
<context>
    <name>ScoreGauge</name>
    <message>
        <source>Base %1 + bonus %2 − deduction %3</source>
        <translation>基础分 %1 + 加分 %2 − 扣分 %3</translation>
    </message>
    <message>
        <source>Veto: %1</source>
        <translation>一票否决：%1</translation>
    </message>
    <message>
        <source>The total counts as 0.</source>
        <translation>总分计 0 分。</translation>
    </message>
    <message>
        <source>The assessment is marked failed (否决); the total is kept as it is.</source>
        <translation>考评结果为否决，总分照常计算。</translation>
    </message>
    <message>
        <source>Veto triggered by item %1</source>
        <translation>评分项 %1 触发一票否决</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>未评定</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not judged</source>
        <translation>
            <numerusform>%n 项未评定</numerusform>
        </translation>
    </message>
    <message>
        <source>All items judged</source>
        <translation>已全部评定</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not scored</source>
        <translation>
            <numerusform>%n 项未评分</numerusform>
        </translation>
    </message>
    <message>
        <source>All items scored</source>
        <translation>已全部评分</translation>
    </message>
</context>
<context>
    <name>SearchScope</name>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Evidence text</source>
        <translation>材料内容</translation>
    </message>
    <message>
        <source>What the search box looks in: indicators (code, name, rule; Ctrl+F) or the text inside every evidence file, scans read by OCR included (Ctrl+Shift+F)</source>
        <translation>搜索范围：指标（编号、名称、评分规则；Ctrl+F）或全部佐证材料里的文字，含识别出的扫描件文字（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Words in the evidence, then Enter (Ctrl+Shift+F)</source>
        <translation>输入材料中的文字，回车查找（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Find in the &amp;evidence text…</source>
        <translation>在材料内容中查找(&amp;E)…</translation>
    </message>
    <message>
        <source>Search the text inside every evidence file, scans included</source>
        <translation>在全部佐证材料（含扫描件）的文字中查找</translation>
    </message>
</context>
<context>
    <name>ServerDesk</name>
    <message>
        <source>Connect to a ser&amp;ver…</source>
        <translation>连接服务器(&amp;V)…</translation>
    </message>
    <message>
        <source>Open a workspace kept on the unit's PostgreSQL server (host, database, user)</source>
        <translation>打开保存在本单位 PostgreSQL 服务器上的工作区（主机、数据库、用户）</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>Every change is saved on the server at once; user %1</source>
        <translation>每次修改都立即保存在服务器上；用户 %1</translation>
    </message>
    <message>
        <source>A workspace on a server is backed up by the server's administrator</source>
        <translation>服务器上的工作区由服务器管理员备份</translation>
    </message>
    <message>
        <source>%1 (the server's administrator backs it up)</source>
        <translation>%1（由服务器管理员备份）</translation>
    </message>
</context>
<context>
    <name>SeveralPeople</name>
    <message>
        <source>Your value: %1</source>
        <translation>您的值：%1</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>&amp;Overwrite with my value</source>
        <translation>用我的值覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep the new value</source>
        <translation>保留新值(&amp;K)</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Folder for the new workspace</source>
        <translation>新工作区的文件夹</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>This folder already holds a workspace; it is opened instead.</source>
        <translation>该文件夹中已有工作区，将直接打开。</translation>
    </message>
    <message>
        <source>Open workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>The department's (%1)</source>
        <translation>科室的（%1）</translation>
    </message>
    <message>
        <source>The office's, now</source>
        <translation>本处的（现值）</translation>
    </message>
    <message>
        <source>Take the &amp;department's</source>
        <translation>采用科室的(&amp;D)</translation>
    </message>
    <message>
        <source>Keep the &amp;office's</source>
        <translation>保留本处的(&amp;O)</translation>
    </message>
    <message>
        <source>Choose a change above to see its two values side by side.</source>
        <translation>在上方选择一项修改，在此对照两边的值。</translation>
    </message>
    <message>
        <source>Changed by %1 on %2</source>
        <translation>%1 于 %2 修改</translation>
    </message>
    <message>
        <source>The office holds this already: nothing to apply.</source>
        <translation>本处已有相同的值，无需应用。</translation>
    </message>
    <message>
        <source>No conflict: applied unless you untick it (Space).</source>
        <translation>无冲突：默认应用；如不采用，取消勾选（空格键）。</translation>
    </message>
    <message>
        <source>%1 leads this item</source>
        <translation>该项目由「%1」牵头</translation>
    </message>
    <message>
        <source>Changed by %1</source>
        <translation>%1 修改</translation>
    </message>
    <message>
        <source>Unchanged since the package was made</source>
        <translation>工作包发出后未修改</translation>
    </message>
</context>
<context>
    <name>SumEditor</name>
    <message>
        <source>Part %1</source>
        <translation>第 %1 部分</translation>
    </message>
    <message>
        <source>at most %1 pts</source>
        <translation>最高 %1 分</translation>
    </message>
</context>
<context>
    <name>SystemEditor</name>
    <message>
        <source>Edit the indicator system — %1</source>
        <translation>编辑指标体系 — %1</translation>
    </message>
    <message>
        <source>Level or item</source>
        <translation>指标或评分项</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>A level after the one selected (Shift+Insert)</source>
        <translation>在所选指标之后添加一个指标（Shift+Insert）</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <source>An item in the level selected, or after the item selected (Insert)</source>
        <translation>在所选指标下、或所选评分项之后添加评分项（Insert）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the level or item selected (Delete)</source>
        <translation>删除所选指标或评分项（Delete）</translation>
    </message>
    <message>
        <source>Keys: Insert item, Shift+Insert level, F2 rename, Del remove, Alt+arrows move, Ctrl+S save</source>
        <translation>快捷键：Insert 添加评分项，Shift+Insert 添加指标，F2 重命名，Del 删除，Alt+方向键 移动，Ctrl+S 保存</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>Try it: what inputs score</source>
        <translation>试算：输入后的得分</translation>
    </message>
    <message>
        <source>Rule and try-out</source>
        <translation>计分规则与试算</translation>
    </message>
    <message>
        <source>Ctrl+Tab switches between the pages</source>
        <translation>Ctrl+Tab 切换页面</translation>
    </message>
    <message>
        <source>Enter or double-click goes to the place and its field</source>
        <translation>按 Enter 或双击：转到该处，并定位到要修改的字段</translation>
    </message>
    <message>
        <source>Save as a new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Writing a system as Excel is not part of this version yet</source>
        <translation>此版本尚不能将指标体系导出为 Excel</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Nothing to check: the parts add up and every code is its own.</source>
        <translation>没有需要检查的问题：各级分值合计一致，编号均不重复。</translation>
    </message>
    <message>
        <source>The rule cannot score yet: %1</source>
        <translation>该规则暂时无法计分：%1</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Not saved: %1 problem(s) marked ✖ below stop it. Correct them, then save again.</source>
        <translation>未保存：下方有 %1 个标 ✖ 的问题。请先改正，再保存。</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>%1: an item needs a code; type one.</source>
        <translation>%1：评分项必须有编号，请填写编号。</translation>
    </message>
    <message>
        <source>%1: “%2” is already another item's code; type a code no other item has.</source>
        <translation>%1：“%2”已是另一评分项的编号，请填写其他评分项没有用过的编号。</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number of 0 or more; type a number such as 4 or 0.5.</source>
        <translation>%1：“%2”不是有效的数；请填写 0 或更大的数，如 4 或 0.5。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>分值(&amp;P)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Part of the total</source>
        <translation>计入总分</translation>
    </message>
    <message>
        <source>Bonus (加分项)</source>
        <translation>加分项</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分项</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>类别(&amp;S)</translation>
    </message>
    <message>
        <source>Section at &amp;most</source>
        <translation>该类最高分(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>权重(&amp;W)</translation>
    </message>
    <message>
        <source>Parts add up to (s&amp;cale)</source>
        <translation>下级合计满分（折算基数）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name (optional)</source>
        <translation>名称（可不填）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rule as printed</source>
        <translation>评分细则（原文）(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;vidence, one a line</source>
        <translation>佐证材料（每行一项）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lead department</source>
        <translation>牵头科室(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;ooperating departments</source>
        <translation>配合科室(&amp;O)</translation>
    </message>
    <message>
        <source>One-vote ve&amp;to (一票否决)</source>
        <translation>一票否决(&amp;T)</translation>
    </message>
    <message>
        <source>Cooperating departments</source>
        <translation>配合科室</translation>
    </message>
    <message>
        <source>separated by 、 or commas</source>
        <translation>用“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved as a new version. The assessment “%1” is scored on the old one. Move it onto the new version?</source>
        <translation>已保存为新版本。考评“%1”仍按旧版本评分，是否迁移到新版本？</translation>
    </message>
    <message>
        <source>&amp;Move it</source>
        <translation>迁移到新版本(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Keep it on the old version</source>
        <translation>保留在旧版本(&amp;K)</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未迁移：%1</translation>
    </message>
    <message>
        <source>edit of the indicator system</source>
        <translation>编辑指标体系</translation>
    </message>
    <message>
        <source>Still to check (they did not stop the save):</source>
        <translation>仍需核对（未阻止保存）：</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <source>Not kept in %1: %2</source>
        <translation>%1 中的输入未采用：%2</translation>
    </message>
    <message>
        <source>The field keeps its previous value.</source>
        <translation>该字段保持原值。</translation>
    </message>
    <message>
        <source>The indicator system has edits not saved. Save them as a new version?</source>
        <translation>指标体系有未保存的修改。是否保存为新版本？</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 (shortcut: %2)</source>
        <translation>%1（快捷键：%2）</translation>
    </message>
    <message>
        <source>Add an &amp;item</source>
        <translation>添加评分项(&amp;I)</translation>
    </message>
    <message>
        <source>Add a &amp;level</source>
        <translation>添加指标(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>One level u&amp;p</source>
        <translation>升一级(&amp;P)</translation>
    </message>
    <message>
        <source>One level dow&amp;n</source>
        <translation>降一级(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation>保存为新版本(&amp;S)</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>rule as printed</source>
        <translation>评分细则</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>lead department</source>
        <translation>牵头科室</translation>
    </message>
    <message>
        <source>cooperating departments</source>
        <translation>配合科室</translation>
    </message>
    <message>
        <source>veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>section</source>
        <translation>分项类型</translation>
    </message>
    <message>
        <source>section's cap</source>
        <translation>分项上限</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>折算基数</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>（无编号）</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Change the %2 of item %1</source>
        <translation>修改 %1 的%2</translation>
    </message>
    <message>
        <source>Change the %2 of level %1</source>
        <translation>修改“%1”的%2</translation>
    </message>
    <message>
        <source>Move item %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Move level %1</source>
        <translation>移动“%1”</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Remove level %1</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加评分项</translation>
    </message>
    <message>
        <source>Add a level</source>
        <translation>添加指标</translation>
    </message>
</context>
<context>
    <name>TextFindingMarks</name>
    <message>
        <source>The text may not belong here:</source>
        <translation>材料内容存疑：</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1: %2 is outside the assessed year (%3)</source>
        <translation>第 %1 页：%2 不在考评年度（%3）内</translation>
    </message>
    <message>
        <source>Page %1: may be another unit's material: %2</source>
        <translation>第 %1 页：可能是其他单位的材料：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TextPreview</name>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>… Only the beginning is shown; open the file with its program to read all of it.</source>
        <translation>……这里只显示开头部分；请用相应程序打开文件阅读全文。</translation>
    </message>
    <message>
        <source>The text cannot be read: %1</source>
        <translation>无法读取文本：%1</translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>%1 unscored</source>
        <translation>%1 项未评</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check the evidence files</source>
        <translation>检查佐证材料</translation>
    </message>
    <message>
        <source>&amp;Clean up…</source>
        <translation>清理(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>All is well: the %n stored file(s) are all present and intact.</source>
        <translation>
            <numerusform>一切正常：%n 个已存文件全部在库且完好。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n stored file(s) are present and intact.</source>
        <translation>
            <numerusform>%n 个已存文件全部在库且完好。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 stored files are missing, %3 damaged.</source>
        <translation>%2 个已存文件中，%1 个缺失，%3 个损坏。</translation>
    </message>
    <message>
        <source>Files no evidence uses: %1; unfinished copies: %2; together %3.</source>
        <translation>没有佐证材料使用的文件：%1 个；未完成的副本：%2 个；共占 %3。</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>What to do: add the original of each file above again to its item (Add files… in the evidence list): adding a file repairs its damaged stored copy and stores a missing one again. If an original is lost, restore from a backup (File → Restore from a backup…) — the workspace's backups keep the data but not the evidence files themselves, so a copy of the whole workspace folder is needed for those.</source>
        <translation>处理办法：把上列每个文件的原件重新添加到对应的指标项（佐证材料清单中的“添加文件…”）：添加文件即可修复库中损坏的副本，缺失的文件也会重新存入。如果原件已经找不到，可以从备份恢复（文件 → 从备份恢复…）——但工作区的备份只保存数据，不包含佐证材料文件本身，找回这些文件需要整个工作区文件夹的副本。</translation>
    </message>
    <message>
        <source>“Clean up” removes the unused files; evidence in use is never touched.</source>
        <translation>“清理”会删除这些无用文件；正在使用的佐证材料绝不会被删除。</translation>
    </message>
    <message>
        <source>This window is read-only: clean up in the window that holds the workspace.</source>
        <translation>此窗口为只读：请在占用该工作区的窗口中清理。</translation>
    </message>
</context>
<context>
    <name>VetoEditor</name>
    <message>
        <source>Triggers the veto (一票否决)</source>
        <translation>触发一票否决</translation>
    </message>
    <message>
        <source>Tick it when this happened: the whole assessment's total then counts as 0.</source>
        <translation>发生上述情形时勾选：本次考评总分计 0 分。</translation>
    </message>
    <message>
        <source>Tick it when this happened: the assessment is then marked failed (否决), its total kept as it is.</source>
        <translation>发生上述情形时勾选：考评结果为否决，总分照常计算。</translation>
    </message>
    <message>
        <source>Untick it, or undo (Ctrl+Z), to take it back.</source>
        <translation>取消勾选或撤销（Ctrl+Z）即可恢复。</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>待办内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Depar&amp;tment:</source>
        <translation>部门(&amp;T)：</translation>
    </message>
    <message>
        <source>Set &amp;deadline…</source>
        <translation>设置截止日期(&amp;D)…</translation>
    </message>
    <message>
        <source>For the item selected, a department or the whole assessment: chosen in the dialog</source>
        <translation>截止日期可设给选中的指标、某个部门或整个考评：在对话框中选择</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 item(s) with something to do</source>
        <translation>%1 个指标有待办</translation>
    </message>
    <message>
        <source>Save the worklist</source>
        <translation>保存待办清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 未能写出：%2</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>待办</translation>
    </message>
</context>
<context>
    <name>WriteRefusals</name>
    <message>
        <source>add materials</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>change the score</source>
        <translation>修改得分</translation>
    </message>
    <message>
        <source>read scores from a score sheet</source>
        <translation>从自评得分表读入得分</translation>
    </message>
    <message>
        <source>confirm last year's files</source>
        <translation>确认去年材料</translation>
    </message>
    <message>
        <source>This window is read-only: you cannot %1. Open the workspace for editing to change it.</source>
        <translation>此窗口为只读，不能%1；如需修改，请以可编辑方式打开工作区。</translation>
    </message>
    <message>
        <source>The assessment is final: you cannot %1. To change it, the leader reopens it (Review → Reopen).</source>
        <translation>考评已定稿，不能%1；如需修改，请由负责人“重新打开”。</translation>
    </message>
    <message>
        <source>%1 is led by %2; you fill in for %3 and cannot %4.</source>
        <translation>%1 由%2牵头，您是%3的填报人，不能%4。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>不能操作</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
<context>
    <name>carried</name>
    <message>
        <source>confirm last year's file</source>
        <translation>确认去年材料</translation>
    </message>
    <message>
        <source>confirm %1 of last year's files</source>
        <translation>确认 %1 个去年材料</translation>
    </message>
    <message>
        <source>%1 has no file carried from last year to confirm.</source>
        <translation>%1 没有需要确认的去年材料。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <source>Confirm last year's files</source>
        <translation>确认去年材料仍有效</translation>
    </message>
    <message>
        <source>Do the %1 files carried from last year in %2 still hold?</source>
        <translation>%2 的 %1 个去年材料仍然有效吗？</translation>
    </message>
    <message>
        <source>To confirm one of them only, select it in the checklist first.</source>
        <translation>只确认其中一个：请先在材料清单中选中它。</translation>
    </message>
    <message>
        <source>Confirm &amp;all</source>
        <translation>全部确认(&amp;A)</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>On this server your name, role and department come from your login; the workspace's owner changes them (egov-desk-cli server people add)</source>
        <translation>在此服务器上，您的姓名、角色和部门取自您的登录账号，由工作区所有者设置（egov-desk-cli server people add）</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>The workspace is damaged</source>
        <translation>工作区已损坏</translation>
    </message>
    <message>
        <source>The latest sound backup is from %1 (%2, total %3). Restoring it puts the workspace back as it was then; the damaged file is kept in the backups folder.</source>
        <translation>最近一份完好的备份是 %1 的（%2，总分 %3）。恢复后工作区回到当时的状态；损坏的文件保留在 backups 文件夹中。</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>没有恢复</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message numerus="yes">
        <source>The backup was restored, but %n evidence file(s) it lists are not in the vault:</source>
        <translation>
            <numerusform>备份已恢复，但其中记录的 %n 个佐证材料文件不在材料库中：</numerusform>
        </translation>
    </message>
    <message>
        <source>Password not kept</source>
        <translation>密码未保存</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>%1 was changed elsewhere since; it is left as it is now.</source>
        <translation>%1已在别处被修改，保持现在的值，未撤销。</translation>
    </message>
    <message>
        <source>score of %1</source>
        <translation>%1 的得分</translation>
    </message>
    <message>
        <source>note of %1</source>
        <translation>%1 的备注</translation>
    </message>
    <message>
        <source>details of the assessment</source>
        <translation>考评信息</translation>
    </message>
</context>
</TS>