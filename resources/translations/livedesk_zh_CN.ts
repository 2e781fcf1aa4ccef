<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backup</name>
    <message>
        <source>LiveDesk backup (*.sqlite3 *.db);;All files (*)</source>
        <translation>LiveDesk 备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PostgreSQL backup (*.pgdump);;All files (*)</source>
        <translation>PostgreSQL 备份 (*.pgdump);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Back Up Now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Cannot restore this file</source>
        <translation>无法恢复此文件</translation>
    </message>
    <message>
        <source>Replace everything in {0} with the backup {1}?

The current data is backed up first, so this can be undone by restoring that copy.</source>
        <translation>用备份 {1} 替换 {0} 中的全部数据？

会先备份当前数据，可通过恢复该备份撤销。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Restored from {0}.</source>
        <translation>已从 {0} 恢复。</translation>
    </message>
    <message>
        <source>The replaced data was saved as {0}.</source>
        <translation>被替换的数据已保存为 {0}。</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Edit %n product(s)</source>
        <translation><numerusform>编辑 %n 个商品</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Set one value on all %n selected product(s). You can undo this.</source>
        <translation><numerusform>给选中的 %n 个商品统一设置一个值。可以撤销。</numerusform></translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Quality report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Someone else changed this record while you were editing it. Reload and try again.</source>
        <translation>你编辑期间，这条记录被别人改过了。请刷新后重试。</translation>
    </message>
    <message>
        <source>The file cannot be written: permission denied ({0}). Choose another place.</source>
        <translation>无法写入文件：没有权限（{0}）。请换个位置。</translation>
    </message>
    <message>
        <source>The file {0} cannot be used: {1}</source>
        <translation>无法使用文件 {0}：{1}</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe: the last action was not saved.

The details are in the log file:
{0}</source>
        <translation>出错了。数据是安全的：刚才的操作没有保存。

详细信息在日志文件里：
{0}</translation>
    </message>
    <message>
        <source>LiveDesk</source>
        <translation>LiveDesk</translation>
    </message>
</context>
<context>
    <name>HostView</name>
    <message>
        <source>Host view</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>下一环节：{0}</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Log an incident</source>
        <translation>记录事故</translation>
    </message>
    <message>
        <source>What happened and what was done</source>
        <translation>发生了什么、怎么处理的</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Prepared lines (应急话术)</source>
        <translation>应急话术</translation>
    </message>
    <message>
        <source>Edit lines</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <source>Save lines</source>
        <translation>保存话术</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>Taobao Live</source>
        <translation>淘宝直播</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <source>Xiaohongshu</source>
        <translation>小红书</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>策划</translation>
    </message>
    <message>
        <source>Scripted</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Rehearsed</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>日常场</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>专场</translation>
    </message>
    <message>
        <source>Big promotion</source>
        <translation>大促</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Co-host</source>
        <translation>助播</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Paid traffic</source>
        <translation>投手</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运营</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>LineupEditor</name>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>添加选中</translation>
    </message>
    <message>
        <source>Put the products selected in the pool on this stream's lineup</source>
        <translation>把选品池中选中的商品加入本场排品</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
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
        <source>No streams yet: plan one on the Schedule tab first.</source>
        <translation>还没有场次：请先在排期页安排一场。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n 个商品</numerusform></translation>
    </message>
    <message>
        <source>Planned units: {0}</source>
        <translation>计划销量：{0}</translation>
    </message>
    <message>
        <source>Expected GMV: {0}</source>
        <translation>预计 GMV：{0}</translation>
    </message>
    <message>
        <source>Expected margin: {0}</source>
        <translation>预计毛利：{0}</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) have no planned units yet.</source>
        <translation><numerusform>%n 个商品还没填计划销量。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n stock warning(s):</source>
        <translation><numerusform>%n 条库存预警：</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Add %n product(s) to the lineup</source>
        <translation><numerusform>把 %n 个商品加入排品</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n product(s) from the lineup</source>
        <translation><numerusform>从排品中移除 %n 个商品</numerusform></translation>
    </message>
    <message>
        <source>Reorder the lineup</source>
        <translation>调整排品顺序</translation>
    </message>
    <message>
        <source>Set the stream's live price of “{0}”</source>
        <translation>设置“{0}”的本场直播价</translation>
    </message>
    <message>
        <source>Set planned units of “{0}”</source>
        <translation>设置“{0}”的计划销量</translation>
    </message>
    <message>
        <source>Set welfare quantity of “{0}”</source>
        <translation>设置“{0}”的福利数量</translation>
    </message>
    <message>
        <source>Set link number of “{0}”</source>
        <translation>设置“{0}”的链接号</translation>
    </message>
</context>
<context>
    <name>LineupTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>策划</translation>
    </message>
    <message>
        <source>Welfare qty</source>
        <translation>福利数量</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>This stream's price; the pool's live price is {0}</source>
        <translation>本场价格；选品池中的直播价为 {0}</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <source>This stream no longer exists (it may have been deleted).</source>
        <translation>这个场次已不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>This checklist item no longer exists.</source>
        <translation>这个检查项已不存在。</translation>
    </message>
    <message>
        <source>The stream is not live yet. Press Go live first.</source>
        <translation>还没开播。请先点“开播”。</translation>
    </message>
    <message>
        <source>The stream has already ended.</source>
        <translation>这场直播已经结束。</translation>
    </message>
    <message>
        <source>This stream has already gone live.</source>
        <translation>这场已经开播了。</translation>
    </message>
    <message>
        <source>This is the last segment. Press End stream when the show is over.</source>
        <translation>这是最后一个环节。播完后请点“下播”。</translation>
    </message>
    <message>
        <source>This is the first segment.</source>
        <translation>这已经是第一个环节。</translation>
    </message>
    <message>
        <source>No segment is running.</source>
        <translation>当前没有进行中的环节。</translation>
    </message>
    <message>
        <source>Stock cannot be negative.</source>
        <translation>库存不能为负。</translation>
    </message>
    <message>
        <source>Enter at least one number.</source>
        <translation>请至少填一个数。</translation>
    </message>
    <message>
        <source>Numbers cannot be negative.</source>
        <translation>数值不能为负。</translation>
    </message>
    <message>
        <source>UV value ¥{0} is below ¥{1}: tell the host to push harder.</source>
        <translation>UV 价值 ¥{0} 低于 ¥{1}：提醒主播加强促单。</translation>
    </message>
    <message>
        <source>Online viewers fell from {0} to {1} within 5 minutes: find the cause.</source>
        <translation>5 分钟内在线人数从 {0} 跌到 {1}：请排查原因。</translation>
    </message>
    <message>
        <source>{0} is sold out: take the link down.</source>
        <translation>{0} 已售罄：请下架链接。</translation>
    </message>
    <message>
        <source>{0}: {1} left, below the safety stock of {2}.</source>
        <translation>{0}：剩 {1}，低于安全库存 {2}。</translation>
    </message>
    <message>
        <source>Unknown incident type {0}.</source>
        <translation>未知事故类型 {0}。</translation>
    </message>
    <message>
        <source>Went live</source>
        <translation>已开播</translation>
    </message>
    <message>
        <source>Stream ended</source>
        <translation>已下播</translation>
    </message>
    <message>
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <source>Segment: {0}</source>
        <translation>环节：{0}</translation>
    </message>
    <message>
        <source>{0}: {1} s added</source>
        <translation>{0}：加时 {1} 秒</translation>
    </message>
    <message>
        <source>Link up: {0}</source>
        <translation>上架：{0}</translation>
    </message>
    <message>
        <source>Link down: {0}</source>
        <translation>下架：{0}</translation>
    </message>
    <message>
        <source>Stock {0}: {1} left</source>
        <translation>库存 {0}：剩 {1}</translation>
    </message>
    <message>
        <source>online {0}</source>
        <translation>在线 {0}</translation>
    </message>
    <message>
        <source>UV {0}</source>
        <translation>UV {0}</translation>
    </message>
    <message>
        <source>GMV ¥{0}</source>
        <translation>GMV ¥{0}</translation>
    </message>
    <message>
        <source>orders {0}</source>
        <translation>订单 {0}</translation>
    </message>
    <message>
        <source>click rate {0}</source>
        <translation>点击率 {0}</translation>
    </message>
    <message>
        <source>Ticked by {0}: {1}</source>
        <translation>{0} 已勾选：{1}</translation>
    </message>
</context>
<context>
    <name>LiveIncidents</name>
    <message>
        <source>Network drop</source>
        <translation>网络中断</translation>
    </message>
    <message>
        <source>Device fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Banned word said</source>
        <translation>说了违禁词</translation>
    </message>
    <message>
        <source>Negative-comment flood</source>
        <translation>负面评论刷屏</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Host mistake</source>
        <translation>主播口误</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>LiveModels</name>
    <message>
        <source>Traffic</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>形象款</translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation>福利款</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Ticked by</source>
        <translation>勾选人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>On shelf</source>
        <translation>上架状态</translation>
    </message>
    <message>
        <source>Stock left</source>
        <translation>剩余库存</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ 已上架</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Sold out: take the link down!</source>
        <translation>已售罄：请下架链接！</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <source>Below safety stock</source>
        <translation>低于安全库存</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>中控台</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Flip the host view horizontally for prompter glass</source>
        <translation>水平翻转主播屏（提词器玻璃用）</translation>
    </message>
    <message>
        <source>Host view</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <source>Take the link down</source>
        <translation>下架链接</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Pre-live checklist</source>
        <translation>开播前检查清单</translation>
    </message>
    <message>
        <source>Tick as</source>
        <translation>勾选人</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>编辑模板…</translation>
    </message>
    <message>
        <source>Tick each item once it is done; who ticked it and when is kept. Items marked 改进 come from the last review of this account.</source>
        <translation>每项完成后打勾，系统会记录谁在何时确认。标有“改进”的项目来自这个账号上一场的复盘。</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一环节</translation>
    </message>
    <message>
        <source>Next ▶ (F5)</source>
        <translation>下一环节 ▶ (F5)</translation>
    </message>
    <message>
        <source>Skip next</source>
        <translation>跳过下一环节</translation>
    </message>
    <message>
        <source>Hold (F6)</source>
        <translation>暂停计时 (F6)</translation>
    </message>
    <message>
        <source>+1 min (F7)</source>
        <translation>+1 分钟 (F7)</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 分钟</translation>
    </message>
    <message>
        <source>End stream</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>策划</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Short message to the host (Enter sends; it blinks on the host view)</source>
        <translation>给主播的短消息（回车发送，在主播屏上闪烁）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Incident… (F9)</source>
        <translation>记录事故… (F9)</translation>
    </message>
    <message>
        <source>Quick metrics (Tab between fields, Enter saves)</source>
        <translation>快速录数（Tab 切换，回车保存）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Viewers (UV)</source>
        <translation>观看人数 UV</translation>
    </message>
    <message>
        <source>GMV ¥</source>
        <translation>GMV ¥</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Click rate %</source>
        <translation>点击率 %</translation>
    </message>
    <message>
        <source>Products on the shelf</source>
        <translation>在架商品</translation>
    </message>
    <message>
        <source>Link up</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Link down</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Stock left, Enter</source>
        <translation>剩余库存，回车</translation>
    </message>
    <message>
        <source>Arm or disarm the hotkeys</source>
        <translation>启用或关闭热键</translation>
    </message>
    <message>
        <source>Next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Hold or resume</source>
        <translation>暂停或继续计时</translation>
    </message>
    <message>
        <source>Add one minute</source>
        <translation>加 1 分钟</translation>
    </message>
    <message>
        <source>Log an incident</source>
        <translation>记录事故</translation>
    </message>
    <message>
        <source>Live: arm or disarm the console hotkeys</source>
        <translation>直播：启用或关闭中控热键</translation>
    </message>
    <message>
        <source>Live: next segment (when armed)</source>
        <translation>直播：下一环节（热键启用时）</translation>
    </message>
    <message>
        <source>Live: hold or resume (when armed)</source>
        <translation>直播：暂停或继续计时（热键启用时）</translation>
    </message>
    <message>
        <source>Live: add one minute (when armed)</source>
        <translation>直播：加 1 分钟（热键启用时）</translation>
    </message>
    <message>
        <source>Live: log an incident</source>
        <translation>直播：记录事故</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <source>Screen {0}: {1}</source>
        <translation>屏幕 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} of {1} ticked</source>
        <translation>已勾选 {0}/{1}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>UV value (GMV / UV): {0}</source>
        <translation>UV 价值（GMV / UV）：{0}</translation>
    </message>
    <message>
        <source>{0} is sold out: take the link down.</source>
        <translation>{0} 已售罄：请下架链接。</translation>
    </message>
    <message>
        <source>No streams yet: plan one in the Schedule tab</source>
        <translation>还没有场次：请先在排期中新建</translation>
    </message>
    <message>
        <source>Not live yet: tick the checklist, then Go live</source>
        <translation>尚未开播：先完成检查清单，再点开播</translation>
    </message>
    <message>
        <source>Not live</source>
        <translation>未开播</translation>
    </message>
    <message>
        <source>Stream ended at {0}</source>
        <translation>直播已于 {0} 结束</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Live — this stream has no script</source>
        <translation>直播中 — 本场没有脚本</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● 直播中</translation>
    </message>
    <message>
        <source>● LIVE · HELD</source>
        <translation>● 直播中 · 已暂停计时</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>switch soon</source>
        <translation>即将切换</translation>
    </message>
    <message>
        <source>left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Elapsed {0} · on air {1}</source>
        <translation>本段已用 {0} · 已开播 {1}</translation>
    </message>
    <message>
        <source>Show {0} · expected end {1} (planned {2})</source>
        <translation>整场 {0} · 预计 {1} 下播（计划 {2}）</translation>
    </message>
    <message>
        <source>Next: {0} at {1}</source>
        <translation>下一环节：{0}（{1}）</translation>
    </message>
    <message>
        <source>Next: end of the show</source>
        <translation>下一环节：下播</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>整场 {0}</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{0} behind</source>
        <translation>落后 {0}</translation>
    </message>
    <message>
        <source>{0} ahead</source>
        <translation>提前 {0}</translation>
    </message>
    <message>
        <source>Resume (F6)</source>
        <translation>继续计时 (F6)</translation>
    </message>
    <message>
        <source>Time to enter the dashboard numbers (last {0} min ago)</source>
        <translation>该录入大屏数据了（上次在 {0} 分钟前）</translation>
    </message>
    <message>
        <source>● Hotkeys ARMED (F8)</source>
        <translation>● 热键已启用 (F8)</translation>
    </message>
    <message>
        <source>Hotkeys off — F8 to arm</source>
        <translation>热键未启用 — 按 F8 启用</translation>
    </message>
    <message>
        <source>Hotkeys are paused while you type.</source>
        <translation>输入文字时热键暂停。</translation>
    </message>
    <message>
        <source>Live! The stream clock is running.</source>
        <translation>已开播！直播计时开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n checklist item(s) are not ticked:</source>
        <translation><numerusform>有 %n 项检查未勾选：</numerusform></translation>
    </message>
    <message>
        <source>Go live anyway?</source>
        <translation>仍然开播吗？</translation>
    </message>
    <message>
        <source>End the stream now?</source>
        <translation>现在结束直播吗？</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <source>One item per line. New streams start from this list.</source>
        <translation>每行一项。新场次从这份清单开始。</translation>
    </message>
    <message>
        <source>Select a product on the shelf first.</source>
        <translation>请先在在架商品中选中一个商品。</translation>
    </message>
    <message>
        <source>Type the stock left as a whole number.</source>
        <translation>剩余库存请输入整数。</translation>
    </message>
    <message>
        <source>Numbers only, please (e.g. 1234, 1.2万, 3.5%).</source>
        <translation>请只输入数字（如 1234、1.2万、3.5%）。</translation>
    </message>
    <message>
        <source>Metrics saved.</source>
        <translation>数据已保存。</translation>
    </message>
    <message>
        <source>Incident logged.</source>
        <translation>事故已记录。</translation>
    </message>
    <message>
        <source>Close host view</source>
        <translation>关闭主播屏</translation>
    </message>
    <message>
        <source>Sent to the host view: {0}</source>
        <translation>已发送到主播屏：{0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LiveDesk</source>
        <translation>LiveDesk</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Welcome to LiveDesk</source>
        <translation>欢迎使用 LiveDesk</translation>
    </message>
    <message>
        <source>Plan your streams, build the product pool and the run of show, run the stream from the live console and review it with the platform's exports.

This database is empty. Start with a month of demo data to look around, or start empty and add your first stream.</source>
        <translation>排期、选品、写脚本流程，开播时在直播中控台跟场，下播后用平台导出的数据复盘。

这个数据库还是空的。可以先载入一个月的示例数据看看，也可以从空白开始，添加第一场直播。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Demo data loaded.</source>
        <translation>示例数据已载入。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
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
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>排期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;cript</source>
        <translation>脚本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>直播(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>复盘(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About LiveDesk</source>
        <translation>关于 LiveDesk(&amp;A)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
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
        <source>Go to Schedule, Products, Script, Live, Review</source>
        <translation>切换到排期、商品、脚本、直播、复盘</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About LiveDesk</source>
        <translation>关于 LiveDesk</translation>
    </message>
    <message>
        <source>LiveDesk {0}
Plan, run and review live-commerce streams.

Database: {1}
Logs: {2}</source>
        <translation>LiveDesk {0}
直播电商的排期、执行与复盘。

数据库：{1}
日志：{2}</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>LiveDesk database (*.sqlite3)</source>
        <translation>LiveDesk 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>LiveDesk database (*.sqlite3 *.db);;All files (*)</source>
        <translation>LiveDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The daily backup failed: {0}</source>
        <translation>每日备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>sheet {0}</source>
        <translation>工作表“{0}”</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>column {0}</source>
        <translation>列“{0}”</translation>
    </message>
    <message>
        <source>value {0}:</source>
        <translation>值 {0}：</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>另有 {0} 处</translation>
    </message>
    <message>
        <source>The file does not exist. Check the path and try again.</source>
        <translation>文件不存在。请检查路径后重试。</translation>
    </message>
    <message>
        <source>This is a folder, not a file. Choose an .xlsx or .csv file.</source>
        <translation>这是文件夹，不是文件。请选择 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>The file is empty. Download the export again from the platform.</source>
        <translation>文件是空的。请从平台重新下载导出数据。</translation>
    </message>
    <message>
        <source>The file is larger than 200 MB, far larger than any export this app reads.</source>
        <translation>文件超过 200 MB，远大于本软件能读取的任何导出文件。</translation>
    </message>
    <message>
        <source>The file is named like an Excel workbook but is not one (it may be damaged or renamed). Open it in Excel and save it again as .xlsx, or download it again.</source>
        <translation>文件扩展名是 Excel 工作簿，但内容不是（可能已损坏或被改过扩展名）。请用 Excel 打开后另存为 .xlsx，或重新下载。</translation>
    </message>
    <message>
        <source>This is not a text table (it holds binary data). Choose an .xlsx or .csv export.</source>
        <translation>这不是文本表格（含二进制数据）。请选择 .xlsx 或 .csv 导出文件。</translation>
    </message>
    <message>
        <source>The text is neither UTF-8 nor GBK. Save the file as "CSV UTF-8" in Excel and import it again.</source>
        <translation>文本编码既不是 UTF-8 也不是 GBK。请在 Excel 中另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
        <source>The text table cannot be read ({0}). Save it again as CSV.</source>
        <translation>无法读取文本表格（{0}）。请重新另存为 CSV。</translation>
    </message>
    <message>
        <source>The workbook cannot be read; it may be damaged or not really an Excel file ({0}). Open it in Excel and save it again, or download it again.</source>
        <translation>无法读取工作簿，文件可能已损坏或并不是真正的 Excel 文件（{0}）。请用 Excel 打开后重新保存，或重新下载。</translation>
    </message>
    <message>
        <source>The workbook is damaged (its zip structure is broken). Download it again or re-save it in Excel.</source>
        <translation>工作簿已损坏（zip 结构损坏）。请重新下载，或在 Excel 中重新保存。</translation>
    </message>
    <message>
        <source>The workbook unpacks to more than 1 GB; it is not a real export and was not read.</source>
        <translation>该工作簿解压后超过 1 GB，不是真正的导出文件，未读取。</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>expected a number, found a percentage</source>
        <translation>应为数字，实际是百分比</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>expected a duration such as 2分35秒 or 02:35</source>
        <translation>应为时长，例如 2分35秒 或 02:35</translation>
    </message>
    <message>
        <source>expected a date and time</source>
        <translation>应为日期和时间</translation>
    </message>
    <message>
        <source>expected a date and time such as 2026-11-20 20:01</source>
        <translation>应为日期和时间，例如 2026-11-20 20:01</translation>
    </message>
    <message>
        <source>expected a time of day such as 20:01</source>
        <translation>应为时刻，例如 20:01</translation>
    </message>
    <message>
        <source>The title is empty. Give the stream a title.</source>
        <translation>标题为空。请给这场直播起个标题。</translation>
    </message>
    <message>
        <source>The start time has no time zone.</source>
        <translation>开始时间缺少时区。</translation>
    </message>
    <message>
        <source>The planned length must be between 1 and 1440 minutes.</source>
        <translation>计划时长必须在 1 到 1440 分钟之间。</translation>
    </message>
    <message>
        <source>Unknown platform {0}.</source>
        <translation>未知平台 {0}。</translation>
    </message>
    <message>
        <source>Unknown stream type {0}.</source>
        <translation>未知场次类型 {0}。</translation>
    </message>
    <message>
        <source>Unknown status {0}.</source>
        <translation>未知状态 {0}。</translation>
    </message>
    <message>
        <source>A goal cannot be negative ({0}).</source>
        <translation>目标不能为负数（{0}）。</translation>
    </message>
    <message>
        <source>The conversion goal must be between 0% and 100%.</source>
        <translation>转化率目标必须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <source>Unknown role {0} for {1}.</source>
        <translation>{1} 的岗位 {0} 无法识别。</translation>
    </message>
    <message>
        <source>This stream no longer exists; someone may have deleted it.</source>
        <translation>这个场次已不存在，可能被别人删除了。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名不能为空。</translation>
    </message>
    <message>
        <source>{0} is already on the roster.</source>
        <translation>{0} 已在团队成员中。</translation>
    </message>
    <message>
        <source>This person is no longer on the roster.</source>
        <translation>此人已不在团队成员中。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>A new language applies the next time LiveDesk starts.</source>
        <translation>更改语言后，下次启动 LiveDesk 时生效。</translation>
    </message>
    <message>
        <source>&amp;Backups kept</source>
        <translation>备份保留份数(&amp;B)</translation>
    </message>
    <message>
        <source>Product rules</source>
        <translation>选品规则</translation>
    </message>
    <message>
        <source>Margin floor, &amp;profit items</source>
        <translation>利润款毛利率下限(&amp;P)</translation>
    </message>
    <message>
        <source>Margin floor, &amp;traffic items</source>
        <translation>引流款毛利率下限(&amp;T)</translation>
    </message>
    <message>
        <source>Stock &amp;buffer over planned units (N+1)</source>
        <translation>备货高于预计销量的余量 N+1(&amp;B)</translation>
    </message>
    <message>
        <source>Elimination below &amp;click rate</source>
        <translation>点击率低于此值列为待淘汰(&amp;C)</translation>
    </message>
    <message>
        <source>Live console</source>
        <translation>直播中控台</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Play a sound at the warning</source>
        <translation>提醒时播放提示音</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Warning before a switch</source>
        <translation>切换前提醒(&amp;W)</translation>
    </message>
    <message>
        <source>Alert when &amp;UV value is below</source>
        <translation>UV 价值低于此值时预警(&amp;U)</translation>
    </message>
    <message>
        <source>Alert when online viewers &amp;drop by</source>
        <translation>在线人数下跌超过此比例时预警(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remind to enter metrics every</source>
        <translation>提醒录入数据的间隔(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProductDelegate</name>
    <message>
        <source>(no product)</source>
        <translation>（无商品）</translation>
    </message>
</context>
<context>
    <name>ProductDetailPanel</name>
    <message>
        <source>Choose photo…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Selling point</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>How to demonstrate it</source>
        <translation>怎么演示</translation>
    </message>
    <message>
        <source>Selling points (卖点手册)</source>
        <translation>卖点手册</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save points, FAQ and notes</source>
        <translation>保存卖点、FAQ 和备注</translation>
    </message>
    <message>
        <source>Quality reports and licences</source>
        <translation>质检报告和资质证书</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Add document…</source>
        <translation>添加文件…</translation>
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
        <source>Performance in reviewed streams</source>
        <translation>已复盘场次中的表现</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光人数</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Select a product to see its selling points, FAQ and documents.</source>
        <translation>选中一个商品，查看它的卖点、FAQ 和文件。</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Live price {0} · cost {1} · margin {2}</source>
        <translation>直播价 {0} · 成本 {1} · 毛利率 {2}</translation>
    </message>
    <message>
        <source>Quality report: {0}</source>
        <translation>质检报告：{0}</translation>
    </message>
    <message>
        <source>Planned on upcoming lineups: {0} units</source>
        <translation>后续排品计划销量：{0} 件</translation>
    </message>
    <message>
        <source>No review data yet: figures appear after a reviewed stream sells this product.</source>
        <translation>暂无复盘数据：这个商品在已复盘的场次里卖过后，这里才会显示数据。</translation>
    </message>
    <message>
        <source>Edit selling points, FAQ and notes</source>
        <translation>编辑卖点、FAQ 和备注</translation>
    </message>
    <message>
        <source>Product photo</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Set photo</source>
        <translation>设置图片</translation>
    </message>
    <message>
        <source>Quality report or licence</source>
        <translation>质检报告或资质证书</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xlsx);;All files (*)</source>
        <translation>文件 (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add document {0}</source>
        <translation>添加文件 {0}</translation>
    </message>
    <message>
        <source>Remove document {0}</source>
        <translation>移除文件 {0}</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <source>Import product sheet: {0}</source>
        <translation>导入选品表：{0}</translation>
    </message>
    <message>
        <source>{0} rows can be imported ({1} new, {2} already in the pool), but {3} rows have problems. Fix the file and import it again, or tick the box below to import the good rows only.</source>
        <translation>可导入 {0} 行（新增 {1} 个，已在选品池中 {2} 个），但有 {3} 行有问题。请改好文件后重新导入，或勾选下方选项只导入没问题的行。</translation>
    </message>
    <message>
        <source>{0} rows will be imported: {1} new products, {2} already in the pool are updated where the sheet differs. You can undo the import.</source>
        <translation>将导入 {0} 行：新增 {1} 个商品，已在选品池中的 {2} 个按表格中不同的内容更新。导入后可以撤销。</translation>
    </message>
    <message>
        <source>Columns not used: {0}.</source>
        <translation>未使用的列：{0}。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>In pool</source>
        <translation>选品池中</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Leave out the bad rows and import the other {0}</source>
        <translation>跳过有问题的行，导入其余 {0} 行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ProductLabels</name>
    <message>
        <source>Traffic</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>形象款</translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation>福利款</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已存档</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待补</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Low margin</source>
        <translation>毛利偏低</translation>
    </message>
    <message>
        <source>Below stock line</source>
        <translation>低于库存警戒线</translation>
    </message>
    <message>
        <source>Short for lineups</source>
        <translation>排品缺货</translation>
    </message>
    <message>
        <source>No quality report</source>
        <translation>无质检报告</translation>
    </message>
    <message>
        <source>Low click rate</source>
        <translation>点击率低</translation>
    </message>
    <message>
        <source>Below margin floor</source>
        <translation>低于毛利率下限</translation>
    </message>
    <message>
        <source>Short for upcoming lineups</source>
        <translation>库存不够后续排品</translation>
    </message>
    <message>
        <source>Missing qualification</source>
        <translation>缺少资质</translation>
    </message>
    <message>
        <source>Elimination candidate (click rate &lt; 3%)</source>
        <translation>待淘汰（点击率 &lt; 3%）</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Commission rate, a share of the live price</source>
        <translation>佣金率，按直播价的比例</translation>
    </message>
    <message>
        <source>Safety stock: restock when stock falls below this line</source>
        <translation>安全库存：库存低于此线就补货</translation>
    </message>
    <message>
        <source>Quality report (质检报告)</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>卖点数</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Comm.</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>QC report</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>(live price − cost − commission rate × live price) / live price</source>
        <translation>（直播价 − 成本 − 佣金率 × 直播价）/ 直播价</translation>
    </message>
    <message>
        <source>Number of selling points (卖点) in the product's handbook</source>
        <translation>卖点手册中的卖点数</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Bulk edit…</source>
        <translation>批量编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add to lineup</source>
        <translation>加入排品</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Search name, SKU, category, supplier…</source>
        <translation>搜索名称、SKU、类目、供应商…</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部定位</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>With any warning</source>
        <translation>有预警</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>排品</translation>
    </message>
    <message>
        <source>Product sheet (选品表)…</source>
        <translation>选品表…</translation>
    </message>
    <message>
        <source>Products: new product</source>
        <translation>商品：新建商品</translation>
    </message>
    <message>
        <source>Products: edit the selected products together</source>
        <translation>商品：批量编辑选中的商品</translation>
    </message>
    <message>
        <source>Products: delete the selected products</source>
        <translation>商品：删除选中的商品</translation>
    </message>
    <message>
        <source>Products: add the selected products to the lineup</source>
        <translation>商品：把选中的商品加入排品</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n product(s)…</source>
        <translation><numerusform>正在载入 %n 个商品…</numerusform></translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) shown</source>
        <translation><numerusform>显示 %n 个商品</numerusform></translation>
    </message>
    <message>
        <source>of {0}</source>
        <translation>（共 {0} 个）</translation>
    </message>
    <message numerus="yes">
        <source>%n with warnings</source>
        <translation><numerusform>%n 个有预警</numerusform></translation>
    </message>
    <message>
        <source>Edit {0} of “{1}”</source>
        <translation>编辑“{1}”的{0}</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n product(s)</source>
        <translation><numerusform>编辑 %n 个商品</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n product(s)</source>
        <translation><numerusform>删除 %n 个商品</numerusform></translation>
    </message>
    <message>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Import product sheet</source>
        <translation>导入选品表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Import %n product(s)</source>
        <translation><numerusform>导入 %n 个商品</numerusform></translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} unchanged.</source>
        <translation>已导入：新增 {0} 个，更新 {1} 个，{2} 个未变。</translation>
    </message>
    <message>
        <source>Export product sheet</source>
        <translation>导出选品表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n product(s) to {0}</source>
        <translation><numerusform>已导出 %n 个商品到 {0}</numerusform></translation>
    </message>
</context>
<context>
    <name>RehearsalDialog</name>
    <message>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Press Start, then Space or → at the end of each segment. Esc stops.</source>
        <translation>点击开始，每个环节结束时按空格或 →。按 Esc 停止。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>策划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Next segment (Space)</source>
        <translation>下一环节（空格）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Total {0} · plan {1}</source>
        <translation>合计 {0} · 计划 {1}</translation>
    </message>
    <message>
        <source>Rehearsal finished: {0} for a plan of {1} ({2})</source>
        <translation>彩排完成：用时 {0}，计划 {1}（{2}）</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) to rehearse</source>
        <translation><numerusform>%n 个环节待彩排</numerusform></translation>
    </message>
    <message>
        <source>planned {0}</source>
        <translation>计划 {0}</translation>
    </message>
</context>
<context>
    <name>ReviewCharts</name>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Entries and leaves</source>
        <translation>进场与离场</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>进场</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>离场</translation>
    </message>
    <message>
        <source>GMV per minute</source>
        <translation>每分钟 GMV</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Cumulative GMV</source>
        <translation>累计 GMV</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Fan-club joins</source>
        <translation>加入粉丝团</translation>
    </message>
    <message>
        <source>Link up</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Link down</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Segment: {0}</source>
        <translation>环节：{0}</translation>
    </message>
</context>
<context>
    <name>ReviewImportDialog</name>
    <message>
        <source>Import review data</source>
        <translation>导入复盘数据</translation>
    </message>
    <message>
        <source>Check what each file was recognised as and how its columns will be read. Change a column's field if it was guessed wrong, or set it to “(ignore)”.</source>
        <translation>请核对每个文件被识别成了什么、各列将如何读取。某列的字段认错了就改过来，不需要的列设为“（忽略）”。</translation>
    </message>
    <message>
        <source>Recognised as: {0}</source>
        <translation>识别为：{0}</translation>
    </message>
    <message>
        <source>Sheet “{0}”, {1} table, header on row {2}</source>
        <translation>工作表“{0}”，{1}表，表头在第 {2} 行</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>per-minute trend</source>
        <translation>分钟趋势</translation>
    </message>
    <message>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>ReviewModels</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Exposure users</source>
        <translation>曝光人数</translation>
    </message>
    <message>
        <source>Click users</source>
        <translation>点击人数</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Click-to-buy</source>
        <translation>点击成交率</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Elimination candidate</source>
        <translation>待淘汰</translation>
    </message>
    <message>
        <source>Click rate = product click users / product exposure users (people basis). Below 3% the product becomes an elimination candidate.</source>
        <translation>点击率 = 商品点击人数 / 商品曝光人数；口径：按人数。低于 3% 的商品列为待淘汰。</translation>
    </message>
    <message>
        <source>Click-to-buy rate = product buyers / product click users (people basis).</source>
        <translation>点击成交率 = 商品成交人数 / 商品点击人数；口径：按人数。</translation>
    </message>
    <message>
        <source>Click rate below 3%: an elimination candidate for the next lineup.</source>
        <translation>点击率低于 3%：下次排品时考虑淘汰。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Note (cause)</source>
        <translation>备注（原因）</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Valley</source>
        <translation>低谷</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>改进项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>UV</source>
        <translation>UV</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>AOV per buyer</source>
        <translation>成交客单价</translation>
    </message>
    <message>
        <source>Conversion = buyers / UV, both summed over the period's streams (people basis).</source>
        <translation>转化率 = 成交人数 / UV，均为该周期各场之和；口径：按人数。</translation>
    </message>
    <message>
        <source>UV value = GMV / UV, both summed over the period's streams.</source>
        <translation>UV 价值 = GMV / UV，均为该周期各场之和。</translation>
    </message>
    <message>
        <source>AOV per buyer = GMV / buyers, both summed over the period's streams.</source>
        <translation>成交客单价 = GMV / 成交人数，均为该周期各场之和。</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Stream:</source>
        <translation>场次：</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Paste from clipboard</source>
        <translation>从剪贴板粘贴</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>生成报告…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>峰谷时刻</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>复盘总结</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>No review data for this stream yet</source>
        <translation>这场还没有复盘数据</translation>
    </message>
    <message>
        <source>Download the platform's exports after the stream (Douyin 百应 “整场数据下载”, the per-minute trend, the order export) and import them here, or drop the files on this tab. A curve copied from the dashboard can be pasted.</source>
        <translation>下播后下载平台的导出数据（抖音百应“整场数据下载”、分钟趋势、订单导出），在这里导入，或直接把文件拖到本页。从后台复制的曲线也可以直接粘贴。</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Viewers (UV)</source>
        <translation>观看人数 UV</translation>
    </message>
    <message>
        <source>Views (PV)</source>
        <translation>观看次数 PV</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>Average online</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>AOV per buyer</source>
        <translation>成交客单价</translation>
    </message>
    <message>
        <source>Average order amount</source>
        <translation>成交订单单价</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <source>Paid ROI</source>
        <translation>投放 ROI</translation>
    </message>
    <message>
        <source>Average watch time</source>
        <translation>人均观看时长</translation>
    </message>
    <message>
        <source>Overlay stream:</source>
        <translation>叠加对比：</translation>
    </message>
    <message>
        <source>The biggest peaks and valleys of the online curve. Double-click a note to write what happened at that minute (segment, product, welfare drop, incident).</source>
        <translation>在线人数曲线上最明显的高峰和低谷。双击备注，写下那一分钟发生了什么（环节、商品、福利发放、突发状况）。</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>What worked and should be kept</source>
        <translation>哪里做得好、要保持</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What went wrong, against the goals</source>
        <translation>对照目标，哪里没做好</translation>
    </message>
    <message>
        <source>Root cause (5 whys)</source>
        <translation>根因（5 Why）</translation>
    </message>
    <message>
        <source>Why? Why? Why? Why? Why? — down to a cause you can fix</source>
        <translation>为什么？为什么？为什么？为什么？为什么？——一直问到能解决的原因</translation>
    </message>
    <message>
        <source>Improvement list</source>
        <translation>改进清单</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加一项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>UV</source>
        <translation>UV</translation>
    </message>
    <message>
        <source>Review: import the platform's exports</source>
        <translation>复盘：导入平台导出数据</translation>
    </message>
    <message>
        <source>Review: paste a curve from the clipboard</source>
        <translation>复盘：从剪贴板粘贴曲线</translation>
    </message>
    <message>
        <source>Review: save the charts as PNG</source>
        <translation>复盘：图表另存为 PNG</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>No streams yet</source>
        <translation>还没有场次</translation>
    </message>
    <message>
        <source>Plan a stream in the Schedule tab first; after it has run, import its exports here.</source>
        <translation>先在排期页安排一场直播；播完后在这里导入它的导出数据。</translation>
    </message>
    <message>
        <source>No review data for “{0}” yet</source>
        <translation>“{0}”还没有复盘数据</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) with a click rate below 3%: elimination candidates (highlighted).</source>
        <translation><numerusform>%n 个商品点击率低于 3%，列为待淘汰（已高亮）。</numerusform></translation>
    </message>
    <message>
        <source>Goal {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <source>Goal {0} · {1}</source>
        <translation>目标 {0} · 达成 {1}</translation>
    </message>
    <message>
        <source>GMV = sum of paid order amounts: {0}. Attainment = GMV / GMV target.</source>
        <translation>GMV = 已支付订单金额之和：{0}。达成率 = GMV / GMV 目标。</translation>
    </message>
    <message>
        <source>Unique viewers (观看人数), people basis.</source>
        <translation>观看人数（去重），口径：按人数。</translation>
    </message>
    <message>
        <source>Views (观看次数): a viewer may enter several times.</source>
        <translation>观看次数：同一观众可能多次进入直播间。</translation>
    </message>
    <message>
        <source>Peak online = max of the online-viewer curve.</source>
        <translation>峰值在线 = 在线人数曲线的最高值。</translation>
    </message>
    <message>
        <source>Average online = mean of the online-viewer curve.</source>
        <translation>平均在线 = 在线人数曲线的平均值。</translation>
    </message>
    <message>
        <source>Conversion = buyers (成交人数) / UV (观看人数); basis: people. Buyers {0}, UV {1}.</source>
        <translation>转化率 = 成交人数 / UV（观看人数）；口径：按人数。成交人数 {0}，UV {1}。</translation>
    </message>
    <message>
        <source>AOV per buyer (成交客单价) = GMV / buyers; basis: people.</source>
        <translation>成交客单价 = GMV / 成交人数；口径：按人数。</translation>
    </message>
    <message>
        <source>Average order amount (成交订单单价) = GMV / orders; basis: orders. Orders {0}.</source>
        <translation>成交订单单价 = GMV / 订单数；口径：按订单。订单数 {0}。</translation>
    </message>
    <message>
        <source>UV value = GMV / UV; basis: people. Below ¥0.80 the host should push harder.</source>
        <translation>UV 价值 = GMV / UV；口径：按人数。低于 ¥0.80 时要提醒主播加强促单。</translation>
    </message>
    <message>
        <source>GPM = GMV / PV × 1000; basis: views (看播次数), as Douyin shows it.</source>
        <translation>GPM = GMV / PV × 1000；口径：看播次数，与抖音后台一致。</translation>
    </message>
    <message>
        <source>New followers (涨粉).</source>
        <translation>涨粉人数。</translation>
    </message>
    <message>
        <source>Paid traffic spend (投放消耗).</source>
        <translation>付费流量的投放消耗。</translation>
    </message>
    <message>
        <source>Paid ROI = GMV / ad spend; healthy above 3.</source>
        <translation>投放 ROI = GMV / 投放消耗；高于 3 为健康。</translation>
    </message>
    <message>
        <source>Average watch time = total watch time / UV; basis: people.</source>
        <translation>人均观看时长 = 总观看时长 / UV；口径：按人数。</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>Natural UV: {0} · Paid UV: {1}</source>
        <translation>自然流量 UV：{0} · 付费流量 UV：{1}</translation>
    </message>
    <message>
        <source>Ad spend: {0}</source>
        <translation>投放消耗：{0}</translation>
    </message>
    <message>
        <source>Refund rate: {0} (refund buyers / buyers; refunds {1})</source>
        <translation>退款率：{0}（退款人数 / 成交人数；退款 {1}）</translation>
    </message>
    <message>
        <source>No traffic composition in the imported files.</source>
        <translation>导入的文件里没有流量构成数据。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消耗</translation>
    </message>
    <message>
        <source>Avg watch</source>
        <translation>人均观看</translation>
    </message>
    <message>
        <source>Order source</source>
        <translation>订单来源</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>成交订单数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>图表另存为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Chart saved to {0}</source>
        <translation>图表已保存到 {0}</translation>
    </message>
    <message>
        <source>could not write the image</source>
        <translation>无法写入图片</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import review data</source>
        <translation>导入复盘数据</translation>
    </message>
    <message>
        <source>Platform exports (*.xlsx *.xls *.csv)</source>
        <translation>平台导出文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <source>Reading the pasted table…</source>
        <translation>正在读取粘贴的表格…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n 个文件</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n curve point(s)</source>
        <translation><numerusform>%n 个曲线点</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n 个商品</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s)</source>
        <translation><numerusform>%n 条订单</numerusform></translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation>已导入：{0}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入，没有写入任何数据。</translation>
    </message>
    <message>
        <source>Note on the minute {0} {1}</source>
        <translation>备注第 {0} 分钟（{1}）</translation>
    </message>
    <message>
        <source>Debrief saved</source>
        <translation>复盘总结已保存</translation>
    </message>
    <message>
        <source>New improvement</source>
        <translation>新改进项</translation>
    </message>
    <message>
        <source>Add improvement</source>
        <translation>添加改进项</translation>
    </message>
    <message>
        <source>Edit improvement</source>
        <translation>编辑改进项</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n improvement(s)</source>
        <translation><numerusform>删除 %n 个改进项</numerusform></translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>全部主播</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>报告已保存到 {0}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Team roster</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Usual roles</source>
        <translation>主要岗位</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation>（已离职）</translation>
    </message>
</context>
<context>
    <name>ScheduleImportDialog</name>
    <message>
        <source>Import schedule: {0}</source>
        <translation>导入排期：{0}</translation>
    </message>
    <message>
        <source>{0} streams can be read, but {1} problems must be fixed first. Nothing will be imported: correct the file and import it again.</source>
        <translation>可读取 {0} 场，但有 {1} 个问题需要先修正。本次不会导入任何内容，请改好文件后重新导入。</translation>
    </message>
    <message>
        <source>{0} streams will be added to the schedule. You can undo the import.</source>
        <translation>将向排期添加 {0} 场直播，导入后可以撤销。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>New stream</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Duplicate to next week</source>
        <translation>复制到下周</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Lineup…</source>
        <translation>排品…</translation>
    </message>
    <message>
        <source>Script…</source>
        <translation>脚本…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>复盘…</translation>
    </message>
    <message>
        <source>Team roster</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Search title, account, theme, people…</source>
        <translation>搜索标题、账号、主题、人员…</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一周期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Schedule (排期表)…</source>
        <translation>排期表…</translation>
    </message>
    <message>
        <source>Schedule: new stream</source>
        <translation>排期：新建场次</translation>
    </message>
    <message>
        <source>Schedule: edit the selected stream</source>
        <translation>排期：编辑选中的场次</translation>
    </message>
    <message>
        <source>Schedule: duplicate to next week</source>
        <translation>排期：复制到下周</translation>
    </message>
    <message>
        <source>Schedule: delete the selected streams</source>
        <translation>排期：删除选中的场次</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) shown</source>
        <translation><numerusform>显示 %n 场</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with conflicts</source>
        <translation><numerusform>%n 场有冲突</numerusform></translation>
    </message>
    <message>
        <source>No streams yet</source>
        <translation>还没有场次</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;New stream&lt;/b&gt; (Ctrl+Shift+N) to plan the first one, or import your 排期表 from Excel with &lt;b&gt;Import…&lt;/b&gt;.</source>
        <translation>点击&lt;b&gt;新建场次&lt;/b&gt;（Ctrl+Shift+N）排第一场，或用&lt;b&gt;导入…&lt;/b&gt;从 Excel 导入你的排期表。</translation>
    </message>
    <message>
        <source>Select a stream to see its goals, people and plans.</source>
        <translation>选中一个场次，查看它的目标、人员和方案。</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Viewers (UV)</source>
        <translation>观看人数 UV</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Welfare plan</source>
        <translation>福利方案</translation>
    </message>
    <message>
        <source>Warm-up plan</source>
        <translation>预热方案</translation>
    </message>
    <message>
        <source>New stream “{0}”</source>
        <translation>新建场次“{0}”</translation>
    </message>
    <message>
        <source>Edit “{0}”</source>
        <translation>编辑“{0}”</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n stream(s)</source>
        <translation><numerusform>复制 %n 场</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stream(s)</source>
        <translation><numerusform>删除 %n 场</numerusform></translation>
    </message>
    <message>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Import schedule</source>
        <translation>导入排期</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Import %n stream(s)</source>
        <translation><numerusform>导入 %n 场</numerusform></translation>
    </message>
    <message>
        <source>Export schedule</source>
        <translation>导出排期</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n stream(s) to {0}</source>
        <translation><numerusform>已导出 %n 场到 {0}</numerusform></translation>
    </message>
</context>
<context>
    <name>ScriptLabels</name>
    <message>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <source>Gather</source>
        <translation>聚人</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>留人</translation>
    </message>
    <message>
        <source>Product pitch</source>
        <translation>讲品</translation>
    </message>
    <message>
        <source>Proof/demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Welfare drop</source>
        <translation>福利发放</translation>
    </message>
    <message>
        <source>Closing push</source>
        <translation>逼单</translation>
    </message>
    <message>
        <source>Encore</source>
        <translation>返场</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>下播</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Host lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>配合提示</translation>
    </message>
    <message>
        <source>Props</source>
        <translation>道具</translation>
    </message>
    <message>
        <source>BGM</source>
        <translation>BGM</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Absolute term</source>
        <translation>极限词</translation>
    </message>
    <message>
        <source>National/world level</source>
        <translation>国家级/世界级用语</translation>
    </message>
    <message>
        <source>First/exclusive claim</source>
        <translation>首个/独家用语</translation>
    </message>
    <message>
        <source>Medical claim</source>
        <translation>医疗功效用语</translation>
    </message>
    <message>
        <source>Guaranteed result</source>
        <translation>承诺效果</translation>
    </message>
    <message>
        <source>Inducement</source>
        <translation>诱导用语</translation>
    </message>
    <message>
        <source>Fake scarcity</source>
        <translation>虚假稀缺</translation>
    </message>
    <message>
        <source>Team term</source>
        <translation>团队自定义词</translation>
    </message>
    <message>
        <source>No script</source>
        <translation>没有脚本</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>空档</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>重叠</translation>
    </message>
    <message>
        <source>Over the slot</source>
        <translation>超出时段</translation>
    </message>
</context>
<context>
    <name>ScriptPdf</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Host lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Co-host / controller cues</source>
        <translation>助播 / 场控配合</translation>
    </message>
    <message>
        <source>Props</source>
        <translation>道具</translation>
    </message>
    <message>
        <source>BGM</source>
        <translation>BGM</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Run of show</source>
        <translation>直播流程</translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <source>Stream:</source>
        <translation>场次：</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Daily stream (2 h)</source>
        <translation>日常场（2 小时）</translation>
    </message>
    <message>
        <source>Special (3 h)</source>
        <translation>专场（3 小时）</translation>
    </message>
    <message>
        <source>Big promotion (6 h)</source>
        <translation>大促（6 小时）</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Insert product pitch</source>
        <translation>插入商品讲解</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除环节</translation>
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
        <source>Word list…</source>
        <translation>违禁词库…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>开始彩排</translation>
    </message>
    <message>
        <source>Mark rehearsed</source>
        <translation>标记已彩排</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Drag to move · Shift+drag to reorder · drag the right edge to resize · Ctrl+wheel to zoom</source>
        <translation>拖动可移动 · Shift+拖动可调整顺序 · 拖右边缘可改时长 · Ctrl+滚轮缩放</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应宽度</translation>
    </message>
    <message>
        <source>Host lines (话术)</source>
        <translation>主播话术</translation>
    </message>
    <message>
        <source>What the host says in this segment…</source>
        <translation>这个环节主播要说的话…</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议改为</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规检查</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>策划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Rehearsals</source>
        <translation>彩排记录</translation>
    </message>
    <message>
        <source>Script (直播脚本)…</source>
        <translation>直播脚本…</translation>
    </message>
    <message>
        <source>Script: add a segment</source>
        <translation>脚本：添加环节</translation>
    </message>
    <message>
        <source>Script: delete the selected segment (table)</source>
        <translation>脚本：删除选中的环节（表格）</translation>
    </message>
    <message>
        <source>Script: move the segment up (table)</source>
        <translation>脚本：环节上移（表格）</translation>
    </message>
    <message>
        <source>Script: move the segment down (table)</source>
        <translation>脚本：环节下移（表格）</translation>
    </message>
    <message>
        <source>Script: start a rehearsal</source>
        <translation>脚本：开始彩排</translation>
    </message>
    <message>
        <source>Space / →</source>
        <translation>空格 / →</translation>
    </message>
    <message>
        <source>Rehearsal: next segment</source>
        <translation>彩排：下一个环节</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Script timeline: zoom</source>
        <translation>脚本时间轴：缩放</translation>
    </message>
    <message>
        <source>No streams yet: plan one on the Schedule tab first.</source>
        <translation>还没有场次：请先在排期页安排一场。</translation>
    </message>
    <message>
        <source>#{0} · {1}</source>
        <translation>#{0} · {1}</translation>
    </message>
    <message>
        <source> (not finished)</source>
        <translation>（未完成）</translation>
    </message>
    <message>
        <source>Whole script</source>
        <translation>整份脚本</translation>
    </message>
    <message numerus="yes">
        <source>Rehearsals (%n)</source>
        <translation><numerusform>彩排记录（%n）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation><numerusform>%n 处空档</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n overlap(s)</source>
        <translation><numerusform>%n 处重叠</numerusform></translation>
    </message>
    <message>
        <source>over the slot by {0}</source>
        <translation>超出时段 {0}</translation>
    </message>
    <message>
        <source>✓ No gaps or overlaps; the script fits the slot.</source>
        <translation>✓ 没有空档或重叠，脚本时长在时段内。</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n 个环节</numerusform></translation>
    </message>
    <message>
        <source>approved</source>
        <translation>定稿</translation>
    </message>
    <message numerus="yes">
        <source>Compliance (%n)</source>
        <translation><numerusform>合规检查（%n）</numerusform></translation>
    </message>
    <message>
        <source>This stream has no script yet. Start from a template (New from template), import your team's Excel script (Import…), or add segments one by one.</source>
        <translation>这场还没有脚本。可以从模板新建，导入团队的 Excel 脚本（导入…），或逐个添加环节。</translation>
    </message>
    <message>
        <source>Select a segment to edit its host lines.</source>
        <translation>选中一个环节即可编辑话术。</translation>
    </message>
    <message>
        <source>✓ No risky words in the host lines.</source>
        <translation>✓ 话术里没有风险词。</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>host lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>cues</source>
        <translation>场控配合</translation>
    </message>
    <message>
        <source>props</source>
        <translation>道具</translation>
    </message>
    <message>
        <source>BGM</source>
        <translation>BGM</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit {0} of “{1}”</source>
        <translation>编辑“{1}”的{0}</translation>
    </message>
    <message>
        <source>Change segment times</source>
        <translation>调整环节时间</translation>
    </message>
    <message>
        <source>Move “{0}”</source>
        <translation>移动“{0}”</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <source>The stream's lineup is empty</source>
        <translation>这场的排品还是空的</translation>
    </message>
    <message>
        <source>Pitch: {0}</source>
        <translation>讲解：{0}</translation>
    </message>
    <message>
        <source>Link {0} up</source>
        <translation>{0} 号链接上架</translation>
    </message>
    <message>
        <source>Insert pitch for {0}</source>
        <translation>插入 {0} 的讲解</translation>
    </message>
    <message>
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Replace the script?</source>
        <translation>替换现有脚本？</translation>
    </message>
    <message numerus="yes">
        <source>The script has %n segment(s). Building from the template replaces all of them (Ctrl+Z brings them back).</source>
        <translation><numerusform>当前脚本有 %n 个环节，按模板生成会全部替换（可按 Ctrl+Z 恢复）。</numerusform></translation>
    </message>
    <message>
        <source>daily</source>
        <translation>日常场</translation>
    </message>
    <message>
        <source>special</source>
        <translation>专场</translation>
    </message>
    <message>
        <source>big promotion</source>
        <translation>大促</translation>
    </message>
    <message>
        <source>Script from the {0} template</source>
        <translation>按{0}模板生成脚本</translation>
    </message>
    <message>
        <source>Approve with risky words?</source>
        <translation>仍有风险词，确定定稿？</translation>
    </message>
    <message numerus="yes">
        <source>The checker found %n risky word(s) in this script. Approve it anyway?</source>
        <translation><numerusform>检查发现脚本里有 %n 个风险词，仍要定稿吗？</numerusform></translation>
    </message>
    <message>
        <source>Approve script</source>
        <translation>脚本定稿</translation>
    </message>
    <message>
        <source>Withdraw approval</source>
        <translation>撤回定稿</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>……还有 %n 项</numerusform></translation>
    </message>
    <message>
        <source>Mark as rehearsed anyway?</source>
        <translation>仍然标记为已彩排？</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) are not resolved:</source>
        <translation><numerusform>还有 %n 个问题未解决：</numerusform></translation>
    </message>
    <message>
        <source>Mark the stream as rehearsed anyway?</source>
        <translation>仍然把这场标记为已彩排？</translation>
    </message>
    <message>
        <source>The stream is marked as rehearsed.</source>
        <translation>这场已标记为已彩排。</translation>
    </message>
    <message>
        <source>Choose a stream first.</source>
        <translation>请先选择场次。</translation>
    </message>
    <message>
        <source>Import script</source>
        <translation>导入脚本</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>The file holds %n segment(s); importing replaces the current script (Ctrl+Z brings it back).</source>
        <translation><numerusform>文件里有 %n 个环节；导入会替换当前脚本（可按 Ctrl+Z 恢复）。</numerusform></translation>
    </message>
    <message>
        <source>Import script from {0}</source>
        <translation>从 {0} 导入脚本</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n segment(s).</source>
        <translation><numerusform>已导入 %n 个环节。</numerusform></translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>导出脚本</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF run sheet (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 流程单 (*.pdf)</translation>
    </message>
    <message>
        <source>Exported the script to {0}</source>
        <translation>脚本已导出到 {0}</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Host lines</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>配合提示</translation>
    </message>
    <message>
        <source>Props</source>
        <translation>道具</translation>
    </message>
    <message>
        <source>BGM</source>
        <translation>BGM</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n risky word(s) in this segment; see Compliance.</source>
        <translation><numerusform>本环节有 %n 个风险词，详见合规检查。</numerusform></translation>
    </message>
</context>
<context>
    <name>StreamDialog</name>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Edit stream</source>
        <translation>编辑场次</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>e.g. 冬季焕新专场</source>
        <translation>例如：冬季焕新专场</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>新品发布, 清仓, 品牌故事, 会员专场, 大促…</source>
        <translation>新品发布、清仓、品牌故事、会员专场、大促…</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>时长(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>&amp;GMV</source>
        <translation>GMV(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Viewers (UV)</source>
        <translation>观看人数 UV(&amp;V)</translation>
    </message>
    <message>
        <source>Peak &amp;online</source>
        <translation>峰值在线(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Conversion</source>
        <translation>转化率(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New followers</source>
        <translation>涨粉(&amp;N)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Welfare and warm-up</source>
        <translation>福利与预热</translation>
    </message>
    <message>
        <source>Flash sales, coupons, gifts, lucky bags, draws…</source>
        <translation>秒杀、优惠券、赠品、福袋、抽奖…</translation>
    </message>
    <message>
        <source>Channels and dates: short videos, fan groups, posters…</source>
        <translation>渠道和时间：短视频、粉丝群、海报…</translation>
    </message>
    <message>
        <source>&amp;Welfare plan</source>
        <translation>福利方案(&amp;W)</translation>
    </message>
    <message>
        <source>Wa&amp;rm-up plan</source>
        <translation>预热方案(&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>StreamTableModel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>GMV target</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>{0} is also on “{1}” at the same time</source>
        <translation>{0} 同一时段还排了“{1}”</translation>
    </message>
    <message>
        <source>Account {0} also streams “{1}” at the same time</source>
        <translation>账号 {0} 同一时段还在播“{1}”</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s)</source>
        <translation><numerusform>⚠ %n 处冲突</numerusform></translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>gap {0}</source>
        <translation>空档 {0}</translation>
    </message>
    <message>
        <source>overlap {0}</source>
        <translation>重叠 {0}</translation>
    </message>
    <message>
        <source>over the slot by {0}</source>
        <translation>超出时段 {0}</translation>
    </message>
    <message>
        <source>slot end</source>
        <translation>时段结束</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <source>Compliance word list</source>
        <translation>合规词库</translation>
    </message>
    <message>
        <source>Words the checker flags in scripts, with a safer wording. Built-in terms can be switched off; your own terms can be added and deleted. The check is a prompt for the reviewer, not legal advice.</source>
        <translation>检查脚本时会标出的词，并附替代说法。内置词可以停用；团队自己的词可以添加和删除。检查结果只是给审核人的提示，不构成法律意见。</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词条</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Safer wording</source>
        <translation>替代说法</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>新词条</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove / switch off</source>
        <translation>删除 / 停用</translation>
    </message>
    <message>
        <source>Restore built-in</source>
        <translation>恢复内置词</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>on</source>
        <translation>启用</translation>
    </message>
</context>
</TS>