<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <source>Tables (*.docx *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n scoring item(s) found.</source>
        <translation>
            <numerusform>%1：识别出 %n 个评分项。</numerusform>
        </translation>
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
        <source>Lead department</source>
        <translation>牵头科室</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not scored yet</source>
        <translation>
            <numerusform>%n 项尚未评分</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import indicator table…</source>
        <translation>导入指标表(&amp;I)…</translation>
    </message>
    <message>
        <source>Read another year&apos;s indicator table from Word or Excel</source>
        <translation>从 Word 或 Excel 读取其他年度的指标表</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Indicators and scoring rules</source>
        <translation>指标与评分规则</translation>
    </message>
    <message>
        <source>The tree as read, and the rule proposed for each item beside its text. Rules marked in amber need a person&apos;s check; all rules can be changed later.</source>
        <translation>读取到的指标树，以及每个评分项的细则和建议的计分规则。橙色标出的规则需要人工核对；所有规则导入后仍可修改。</translation>
    </message>
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
    <name>TotalBar</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
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
    <name>app</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
</context>
</TS>
