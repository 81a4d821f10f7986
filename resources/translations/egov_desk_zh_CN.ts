<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
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