<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear the text</source>
        <translation>清空文字</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
</context>
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
        <source>Bac&amp;kups…</source>
        <translation>备份列表(&amp;K)…</translation>
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
        <source>Careful: this backup came from another database ({0}), not from the one open now.</source>
        <translation>注意：这个备份来自另一个数据库（{0}），不是当前打开的这个。</translation>
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
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>{0}

Restore its latest backup, from {1} ({2})? Changes made since then are lost; the damaged file is kept as a copy in the backups folder.</source>
        <translation>{0}

要恢复它最近的备份吗？备份时间 {1}（{2}）。此后的更改将丢失；损坏的文件会复制一份保存在备份文件夹中。</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>日常场</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before a restore (damaged file, copied as it was)</source>
        <translation>恢复前（已损坏的文件，原样复制）</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before: {0}</source>
        <translation>操作前：{0}</translation>
    </message>
    <message>
        <source>This database — {0}</source>
        <translation>当前数据库 — {0}</translation>
    </message>
    <message>
        <source>Older backups (made before backups named their database)</source>
        <translation>较早的备份（当时备份还不记录来源数据库）</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Another database — {0} (id {1})</source>
        <translation>另一个数据库 — {0}（编号 {1}）</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份列表</translation>
    </message>
    <message>
        <source>Backups in {0}, by the database they came from:</source>
        <translation>{0} 中的备份，按来源数据库分组：</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>No backups yet. LiveDesk makes one every day and before every import.</source>
        <translation>还没有备份。LiveDesk 每天以及每次导入前都会自动备份。</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
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
    <name>CaptureConsole</name>
    <message>
        <source>Read: {0}. Captured figures are logged while the stream is live.</source>
        <translation>读到：{0}。开播后才会记录识别的数字。</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) updated.</source>
        <translation><numerusform>已更新 %n 个链接。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Read %n figure(s) from the pasted text: check them and press Enter.</source>
        <translation><numerusform>从粘贴的文字里读到 %n 个数字：核对后按回车。</numerusform></translation>
    </message>
    <message>
        <source>Read off the screen at {0}</source>
        <translation>{0} 从屏幕识别</translation>
    </message>
    <message>
        <source>{0} Captured: {1} readings, last at {2}</source>
        <translation>{0} 屏幕识别：{1} 次，最近 {2}</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>Capture from the screen</source>
        <translation>屏幕识别</translation>
    </message>
    <message>
        <source>Dashboard region…</source>
        <translation>大屏区域…</translation>
    </message>
    <message>
        <source>Draw a rectangle around the figures of the platform's dashboard (百应 中控台, 罗盘 大屏, 淘宝直播 中控台 or any window).</source>
        <translation>框出平台大屏上的数字（百应中控台、罗盘大屏、淘宝直播中控台或任意窗口）。</translation>
    </message>
    <message>
        <source>Product list…</source>
        <translation>商品列表…</translation>
    </message>
    <message>
        <source>Optional: a rectangle around the product list, to read each link's click rate and stock left (one row per link, its number first).</source>
        <translation>可选：框出商品列表，读取每个链接的点击率和剩余库存（每行一个链接，链接号在最前）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the regions are read (10–120 seconds)</source>
        <translation>多久读取一次（10–120 秒）</translation>
    </message>
    <message>
        <source>Start capture</source>
        <translation>开始识别</translation>
    </message>
    <message>
        <source>Keep screenshots</source>
        <translation>保留截图</translation>
    </message>
    <message>
        <source>Debugging only: save every grabbed image in the data folder's capture-debug folder. Off, only the figures are kept.</source>
        <translation>仅用于排查问题：把每次截取的画面保存到数据文件夹的 capture-debug 目录。关闭时只保留数字。</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>Log anyway</source>
        <translation>仍然记录</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Drag a rectangle around the dashboard's figures · Esc cancels</source>
        <translation>拖出一个矩形框住大屏上的数字 · Esc 取消</translation>
    </message>
    <message>
        <source>Drag a rectangle around the product list · Esc cancels</source>
        <translation>拖出一个矩形框住商品列表 · Esc 取消</translation>
    </message>
    <message>
        <source>Draw a rectangle around the dashboard's figures, then start: LiveDesk reads them every {0} s and logs them like typed numbers.</source>
        <translation>先框出大屏上的数字，再点开始：LiveDesk 每 {0} 秒读取一次，像手动录入一样记下来。</translation>
    </message>
    <message>
        <source>Region set ({0}). Start capture to read it every {1} s.</source>
        <translation>已设区域（{0}）。开始识别后每 {1} 秒读取一次。</translation>
    </message>
    <message>
        <source>dashboard {0}×{1}</source>
        <translation>大屏 {0}×{1}</translation>
    </message>
    <message>
        <source>product list {0}×{1}</source>
        <translation>商品列表 {0}×{1}</translation>
    </message>
    <message>
        <source>Stop capture</source>
        <translation>停止识别</translation>
    </message>
    <message>
        <source>Starting the text reader…</source>
        <translation>正在启动文字识别…</translation>
    </message>
    <message>
        <source>No figures found in the region ({0} pieces of text read). Is it over the dashboard's figures?</source>
        <translation>区域里没有找到数字（读到 {0} 段文字）。框住的是大屏上的数字吗？</translation>
    </message>
    <message>
        <source>You are typing figures: this reading is skipped (typing wins).</source>
        <translation>你正在录入数字：本次识别跳过（以手动录入为准）。</translation>
    </message>
    <message>
        <source>Capturing every {0} s · read at {1}: {2}</source>
        <translation>每 {0} 秒识别一次 · {1} 读到：{2}</translation>
    </message>
    <message>
        <source>typed figures kept</source>
        <translation>保留了手动录入的数字</translation>
    </message>
    <message>
        <source>Held, not logged: {0}.</source>
        <translation>已暂扣，未记录：{0}。</translation>
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
        <source>GMV {0}</source>
        <translation>GMV {0}</translation>
    </message>
    <message>
        <source>orders {0}</source>
        <translation>订单 {0}</translation>
    </message>
    <message>
        <source>click rate {0}</source>
        <translation>点击率 {0}</translation>
    </message>
</context>
<context>
    <name>ChangeWatcher</name>
    <message>
        <source>Connected to the team server again.</source>
        <translation>已重新连上团队服务器。</translation>
    </message>
    <message>
        <source>The team server does not answer: retrying…</source>
        <translation>团队服务器没有响应：正在重试…</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
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
        <source>Tick each item once it is done; who ticked it and when is kept. Items marked 改进 come from the last review of this account. The first items the app ticks itself from what it knows, and says why.</source>
        <translation>每项完成后打勾，系统会记录谁在何时确认。标有“改进”的项目来自这个账号上一场的复盘。前几项由 LiveDesk 根据已有数据自动勾选，并写明原因。</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
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
        <source>Checklist template</source>
        <translation>检查清单模板</translation>
    </message>
    <message>
        <source>One item per line. New streams start from this list.</source>
        <translation>每行一项。新场次从这份清单开始。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this</source>
        <translation>别人改过这里</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was saved by someone else while you were editing it. Nothing of yours has been saved yet. Compare the two versions:</source>
        <translation>你编辑时，别人保存了&lt;b&gt;{0}&lt;/b&gt;。你的修改还没有保存。对比两个版本：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>After overwrite</source>
        <translation>覆盖后</translation>
    </message>
    <message>
        <source>You both changed this field.</source>
        <translation>你们都改了这个字段。</translation>
    </message>
    <message>
        <source>Reload: discard your change and show theirs. Overwrite: save the fields you changed on top of theirs; fields only they changed keep their value. Rows in red were changed by both of you.</source>
        <translation>重新加载：放弃你的修改，显示对方的版本。覆盖：把你改过的字段保存到对方版本上；只有对方改过的字段保持对方的值。红色的行是你们都改过的。</translation>
    </message>
    <message>
        <source>Reload (discard mine)</source>
        <translation>重新加载（放弃我的修改）</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>用我的覆盖</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
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
        <source>Theme</source>
        <translation>主题</translation>
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
        <source>GMV goal</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <source>Viewers goal</source>
        <translation>观看人数目标</translation>
    </message>
    <message>
        <source>Peak online goal</source>
        <translation>峰值在线目标</translation>
    </message>
    <message>
        <source>Conversion goal</source>
        <translation>转化率目标</translation>
    </message>
    <message>
        <source>New followers goal</source>
        <translation>涨粉目标</translation>
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
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
        <source>Commission rate</source>
        <translation>佣金率</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Quality report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Platform product ID</source>
        <translation>平台商品 ID</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>FAQ</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Welfare quantity</source>
        <translation>福利数量</translation>
    </message>
    <message>
        <source>Planned units</source>
        <translation>计划件数</translation>
    </message>
    <message>
        <source>Link number</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>Lineup order</source>
        <translation>排品顺序</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was changed by someone else after your change. Undoing it now would write over their work. Nothing has been undone yet. Compare:</source>
        <translation>你修改之后，别人又改过&lt;b&gt;{0}&lt;/b&gt;。现在撤销会覆盖对方的修改。还没有撤销。对比一下：</translation>
    </message>
    <message>
        <source>Undo anyway</source>
        <translation>仍然撤销</translation>
    </message>
    <message>
        <source>After undo</source>
        <translation>撤销后</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was changed by someone else after you undid your change. Redoing it now would write over their work. Nothing has been redone yet. Compare:</source>
        <translation>你撤销修改后，别人改过&lt;b&gt;{0}&lt;/b&gt;。现在重做会覆盖对方的修改。还没有重做。对比一下：</translation>
    </message>
    <message>
        <source>Redo anyway</source>
        <translation>仍然重做</translation>
    </message>
    <message>
        <source>After redo</source>
        <translation>重做后</translation>
    </message>
    <message>
        <source>Keep theirs: nothing is written and this step leaves the undo history. Go ahead: write back only the fields this step changed; fields only they changed keep their value. Rows in red were changed by both of you.</source>
        <translation>保留对方的：不写入任何内容，这一步从撤销记录中移除。仍然执行：只写回这一步改过的字段；只有对方改过的字段保持对方的值。红色的行是你们都改过的。</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was changed by someone else after you last saw it. Deleting it now would throw their changes away. Nothing has been deleted yet. Their changes:</source>
        <translation>你上次看到&lt;b&gt;{0}&lt;/b&gt;之后，别人改过它。现在删除会丢掉对方的修改。还没有删除任何内容。对方的修改：</translation>
    </message>
    <message>
        <source>Keep: nothing is deleted and the list shows their version. Delete anyway: delete it with their changes (Ctrl+Z brings it back).</source>
        <translation>保留：不删除，列表显示对方的版本。仍然删除：连同对方的修改一起删除（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Keep (reload)</source>
        <translation>保留（重新加载）</translation>
    </message>
    <message>
        <source>Delete anyway</source>
        <translation>仍然删除</translation>
    </message>
    <message>
        <source>After delete</source>
        <translation>删除后</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; has changed since this step (in another tab, or by someone else). Going ahead deletes it together with those changes. Nothing has been deleted yet. The changes:</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 在这一步之后有过改动（在其他页签，或由其他人）。继续将连同这些改动一起删除。目前还没有删除任何内容。改动如下：</translation>
    </message>
    <message>
        <source>Keep: nothing is deleted and this step leaves the undo history. Delete anyway: delete it with those changes.</source>
        <translation>保留：不删除，这一步将移出撤销记录。仍然删除：连同这些改动一起删除。</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kept their version: this step can no longer be undone or redone, so it left the undo history.</source>
        <translation>已保留对方的版本：这一步无法再撤销或重做，已从撤销记录中移除。</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
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
        <source>Go live</source>
        <translation>开播</translation>
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
        <source>Planned time</source>
        <translation>计划</translation>
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
        <source>Send to host</source>
        <translation>发给主播</translation>
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
        <source>Stock left, or #3 8.2% 45</source>
        <translation>剩余库存，或 #3 8.2% 45</translation>
    </message>
    <message>
        <source>The selected product's stock left, then Enter; or a link number, its click rate and stock left in one line: #3 8.2% 45</source>
        <translation>输入所选商品的剩余库存后按回车；或在一行里写链接号、点击率和剩余库存：#3 8.2% 45</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
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
        <source>Checklist</source>
        <translation>检查清单</translation>
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
        <source>segment over time</source>
        <translation>本环节超时</translation>
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
        <source>{0} · expected end {1} (planned {2})</source>
        <translation>{0} · 预计 {1} 下播（计划 {2}）</translation>
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
        <source>Resume (F6)</source>
        <translation>继续计时 (F6)</translation>
    </message>
    <message>
        <source>Time to enter the dashboard numbers (last {0} min ago)</source>
        <translation>该录入大屏数据了（上次在 {0} 分钟前）</translation>
    </message>
    <message>
        <source>Stream ended.</source>
        <translation>直播已结束。</translation>
    </message>
    <message>
        <source>End the stream now? The stream clock stops and cannot be restarted.</source>
        <translation>现在结束直播吗？直播计时会停止，且不能重新开始。</translation>
    </message>
    <message>
        <source>Keep streaming</source>
        <translation>继续直播</translation>
    </message>
    <message>
        <source>Stream ended</source>
        <translation>已下播</translation>
    </message>
    <message>
        <source>The stream has ended. Open its review now? What the console logged (metrics, incidents) is already there; add the platform's exports when you have them.</source>
        <translation>直播已结束。现在打开这场的复盘吗？控制台记录的数据和异常已经在里面了；平台的导出文件下载后再导入即可。</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>打开复盘</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
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
</context>
<context>
    <name>Errors</name>
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
    <name>FileRouter</name>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>not a spreadsheet (.xlsx, .xls or .csv)</source>
        <translation>不是表格文件（.xlsx、.xls 或 .csv）</translation>
    </message>
    <message>
        <source>cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <source>its columns match none of LiveDesk's imports</source>
        <translation>它的列和 LiveDesk 的任何导入都对不上</translation>
    </message>
    <message>
        <source>• 选品表 (product sheet) → Products</source>
        <translation>• 选品表 → 商品</translation>
    </message>
    <message>
        <source>• 排期表 (schedule) → Schedule</source>
        <translation>• 排期表 → 排期</translation>
    </message>
    <message>
        <source>• 直播脚本 (script workbook) → Script, for the stream chosen there</source>
        <translation>• 直播脚本 → 脚本，导入到那里选中的场次</translation>
    </message>
    <message>
        <source>• Platform data exports (巨量百应, 抖店, 淘宝直播, minute trends, orders) → Review, for the stream chosen there</source>
        <translation>• 平台导出数据（巨量百应、抖店、淘宝直播、分钟趋势、订单）→ 复盘，导入到那里选中的场次</translation>
    </message>
    <message>
        <source>Reading the dropped files…</source>
        <translation>正在读取拖入的文件…</translation>
    </message>
    <message>
        <source>Import dropped files</source>
        <translation>导入拖入的文件</translation>
    </message>
    <message>
        <source>{0}: choose the stream in the Script tab first, then drop the script again.</source>
        <translation>{0}：请先在“脚本”页选好场次，再把脚本拖进来。</translation>
    </message>
    <message>
        <source>Choose the stream in the Review tab first, then drop its data exports again.</source>
        <translation>请先在“复盘”页选好场次，再把它的导出数据拖进来。</translation>
    </message>
    <message>
        <source>LiveDesk does not know what to do with:</source>
        <translation>LiveDesk 不知道如何处理：</translation>
    </message>
    <message>
        <source>Files LiveDesk can import:</source>
        <translation>LiveDesk 能导入的文件：</translation>
    </message>
    <message>
        <source>Dropped files</source>
        <translation>拖入的文件</translation>
    </message>
</context>
<context>
    <name>FollowMode</name>
    <message>
        <source>Close host view</source>
        <translation>关闭主播屏</translation>
    </message>
    <message>
        <source>Host view</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <source>Sent to the host view: {0}</source>
        <translation>已发送到主播屏：{0}</translation>
    </message>
    <message>
        <source>Following: this console shows what the controller does.</source>
        <translation>跟随中：这个中控台显示场控的操作。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>LiveDesk User Guide</source>
        <translation>LiveDesk 用户指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation: {0}</source>
        <translation>这个安装里缺少用户指南：{0}</translation>
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
    <name>ImportFields</name>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Online viewers</source>
        <translation>在线人数</translation>
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
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Fan-club joins</source>
        <translation>加入粉丝团</translation>
    </message>
    <message>
        <source>Ad spend per minute</source>
        <translation>每分钟千川消耗</translation>
    </message>
    <message>
        <source>Buyers per minute</source>
        <translation>每分钟成交人数</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>商品 ID</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>成交件数</translation>
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
        <source>Refund buyers</source>
        <translation>退款人数</translation>
    </message>
    <message>
        <source>Traffic channel</source>
        <translation>流量渠道</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <source>Average watch time (s)</source>
        <translation>人均观看时长（秒）</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Sub-order ID</source>
        <translation>子订单编号</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Merchant code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>After-sale status</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <source>Traffic source</source>
        <translation>流量来源</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Content type (流量体裁)</source>
        <translation>流量体裁</translation>
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
    <name>KpiPanel</name>
    <message>
        <source>Goal {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <source>Goal {0} · {1}</source>
        <translation>目标 {0} · 达成 {1}</translation>
    </message>
    <message>
        <source>{0} of GMV</source>
        <translation>占成交金额 {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>GMV = sum of paid order amounts: {0}. Attainment = GMV / GMV target.</source>
        <translation>GMV = 已支付订单金额之和：{0}。达成率 = GMV / GMV 目标。</translation>
    </message>
    <message>
        <source>Below {0} (your preference) it shows in red.</source>
        <translation>低于 {0}（你的偏好设置）时显示为红色。</translation>
    </message>
    <message>
        <source>{0}: not in the imported files</source>
        <translation>{0}：导入的文件中没有</translation>
    </message>
    <message>
        <source>Counted from the order export: {0}</source>
        <translation>按订单导出统计：{0}</translation>
    </message>
    <message>
        <source>Logged</source>
        <translation>直播时录入</translation>
    </message>
    <message>
        <source>Logged during the stream: the last number typed from the dashboard. Importing the platform's export replaces it.</source>
        <translation>直播时录入：场控从后台抄录的最后一个数。导入平台导出文件后会被替换。</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
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
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Password for {0}
(kept in the system keyring, never in the settings)</source>
        <translation>{0} 的密码
（保存在系统钥匙串中，不会写入设置）</translation>
    </message>
    <message>
        <source>LiveDesk could not open the database because of an unexpected error. The details are in the log.</source>
        <translation>打开数据库时发生意外错误，LiveDesk 无法打开它。详细信息已写入日志。</translation>
    </message>
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
        <translation>计划件数：{0}</translation>
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
        <translation><numerusform>%n 个商品还没填计划件数。</numerusform></translation>
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
        <translation>设置“{0}”的计划件数</translation>
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
        <source>Planned units</source>
        <translation>计划件数</translation>
    </message>
    <message>
        <source>This stream's price; the pool's live price is {0}</source>
        <translation>本场价格；选品池中的直播价为 {0}</translation>
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
        <source>Price questioned</source>
        <translation>价格质疑</translation>
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
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>LiveDesk (automatic)</source>
        <translation>LiveDesk（自动）</translation>
    </message>
    <message>
        <source>(checked automatically)</source>
        <translation>（自动检查）</translation>
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
        <source>Click rate</source>
        <translation>点击率</translation>
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
    <message>
        <source>Safety stock: {0}</source>
        <translation>预警库存：{0}</translation>
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
        <source>F8 arms the hotkeys F5 (next), F6 (hold) and F7 (+1 min) so a stray key press cannot switch segments. The console's buttons work with the mouse either way.</source>
        <translation>按 F8 启用热键 F5（下一环节）、F6（暂停计时）和 F7（+1 分钟），以免误按切换环节。控制台的按钮随时可以用鼠标点击。</translation>
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
        <source>Follow (read-only)</source>
        <translation>跟随（只读）</translation>
    </message>
    <message>
        <source>Follow this stream as it is run from another computer: the console and the host view show the controller's segment, countdown and messages every second. Nothing can be changed here.</source>
        <translation>跟随另一台电脑上正在进行的这场直播：中控台和主播视图每秒显示场控的当前环节、倒计时和消息。这里不能做任何修改。</translation>
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
        <source>Following another computer's console: nothing can be changed here.</source>
        <translation>正在跟随另一台电脑的中控台：这里不能做任何修改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LiveDesk</source>
        <translation>LiveDesk</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
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
        <source>Export &amp;Period Report…</source>
        <translation>导出日报/周报/月报(&amp;P)…</translation>
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
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
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
        <source>Report saved to {0}</source>
        <translation>报告已保存到 {0}</translation>
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
    <name>MarkRehearsed</name>
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
        <source>Only the hidden sheet {0} matches; hidden sheets are never imported. If it holds the data you mean, unhide it in Excel (right-click a sheet tab → Unhide), check it and import again.</source>
        <translation>只有隐藏的工作表 {0} 符合；隐藏的工作表不会导入。如果要导入的正是它，请在 Excel 中取消隐藏（右键工作表标签 → 取消隐藏），核对后再导入。</translation>
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
        <source>This is {0}, not a table. Choose the .xlsx or .csv export instead.</source>
        <translation>这是 {0}，不是表格。请改选 .xlsx 或 .csv 导出文件。</translation>
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
        <source>The text is neither UTF-8 nor GBK (another encoding such as Shift-JIS or Big5?). Save the file as "CSV UTF-8" in Excel and import it again.</source>
        <translation>文字既不是 UTF-8 也不是 GBK（可能是 Shift-JIS 或 Big5 等其他编码？）。请在 Excel 里另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
        <source>A cell near line {0} is longer than {1:,} characters, more than a spreadsheet cell holds. Check that this is the right file, or shorten the cell.</source>
        <translation>第 {0} 行附近有单元格超过 {1:,} 个字符，超出表格单元格的容量。请确认文件是否选对，或缩短这个单元格。</translation>
    </message>
    <message>
        <source>The text table cannot be read at line {0} ({1}). Save it again as CSV.</source>
        <translation>文本表格第 {0} 行无法读取（{1}）。请重新另存为 CSV。</translation>
    </message>
    <message>
        <source>The file seems cut off at row {0}: its last line stops after {1} of the header's {2} fields, with no line end. It may not have finished downloading or saving; download or save it again.</source>
        <translation>文件似乎在第 {0} 行被截断：最后一行只有表头 {2} 列中的 {1} 列，且没有换行。文件可能没有下载或保存完整，请重新下载或保存。</translation>
    </message>
    <message>
        <source>The file seems cut off at row {0}: that row has {1} of the header's {2} fields, so its values cannot be matched to their columns. Save the file again from Excel, or fix the row.</source>
        <translation>文件似乎在第 {0} 行被截断：该行只有表头 {2} 列中的 {1} 列，无法对应到各列。请用 Excel 重新保存文件，或修正这一行。</translation>
    </message>
    <message>
        <source>fewer fields than the header</source>
        <translation>列数少于表头</translation>
    </message>
    <message>
        <source>The file holds a formula; LiveDesk reads values only. Replace the formula with its value (in Excel: copy, then Paste Special → Values) and import again.</source>
        <translation>文件里有公式；LiveDesk 只读取数值。请把公式替换为数值（在 Excel 里：复制，然后 选择性粘贴 → 数值）后重新导入。</translation>
    </message>
    <message>
        <source>a formula, not a value</source>
        <translation>是公式，不是数值</translation>
    </message>
    <message>
        <source>The file has more than {0:,} rows, far more than any export this app reads. Check that it is the right file, or split it.</source>
        <translation>文件超过 {0:,} 行，远多于本软件读取的任何导出文件。请确认文件是否选对，或把它拆开。</translation>
    </message>
    <message>
        <source>A cell holds {0:,} characters or more, as much as a spreadsheet cell can (the rest may be cut off). Check that this is the right file, or shorten the cell.</source>
        <translation>有单元格达到 {0:,} 个字符，已是表格单元格的上限（后面的内容可能被截掉）。请确认文件是否选对，或缩短这个单元格。</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>太长</translation>
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
        <source>expected a code, found a number that is not finite</source>
        <translation>应为编码，却是一个非有限数字</translation>
    </message>
    <message>
        <source>a number this long has lost its last digits in the spreadsheet; format the column as text (or export it again with the code as text) and import again</source>
        <translation>这么长的数字在表格中已丢失末尾几位；请把该列设为文本格式（或以文本形式重新导出编码）后再导入</translation>
    </message>
    <message>
        <source>expected a number, found one that is not finite (NaN or infinity)</source>
        <translation>应为数字，却是非有限值（NaN 或无穷大）</translation>
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
        <source>the number {0} is far too large or too small</source>
        <translation>数字 {0} 过大或过小</translation>
    </message>
    <message>
        <source>more than {0:,}: too large to be a count</source>
        <translation>超过 {0:,}：作为数量过大</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>more than ¥{0:,}: too large to be an amount</source>
        <translation>超过 ¥{0:,}：作为金额过大</translation>
    </message>
    <message>
        <source>an amount has at most two decimals (fen); {0} has more</source>
        <translation>金额最多两位小数（到分）；{0} 的小数位过多</translation>
    </message>
    <message>
        <source>an amount cannot be negative</source>
        <translation>金额不能为负</translation>
    </message>
    <message>
        <source>a price must be ¥0 or at least ¥0.01; {0} is neither</source>
        <translation>价格须为 ¥0 或至少 ¥0.01；{0} 都不是</translation>
    </message>
    <message>
        <source>a rate must be between 0% and 100%</source>
        <translation>比率须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>more than {0:,} seconds: too long to be a duration</source>
        <translation>超过 {0:,} 秒：作为时长过长</translation>
    </message>
    <message>
        <source>expected a duration such as 2分35秒 or 02:35</source>
        <translation>应为时长，例如 2分35秒 或 02:35</translation>
    </message>
    <message>
        <source>the date {0} is out of range (expected a year from {1} to {2})</source>
        <translation>日期 {0} 超出范围（年份应在 {1} 到 {2} 之间）</translation>
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
        <source>No header row was found. The table needs a row naming its columns, for example 标题, 开始时间, 时长(分钟), 平台 (or Title, Start, Minutes, Platform).</source>
        <translation>没有找到表头行。表格需要一行列名，例如 标题、开始时间、时长(分钟)、平台（或 Title、Start、Minutes、Platform）。</translation>
    </message>
    <message>
        <source>The columns {0} are missing from the header row (row {1}). Add them and import again.</source>
        <translation>表头行（第 {1} 行）缺少列 {0}。请加上后重新导入。</translation>
    </message>
    <message>
        <source>The column {0} is missing from the header row (row {1}). Add it and import again.</source>
        <translation>表头行（第 {1} 行）缺少列 {0}。请加上后重新导入。</translation>
    </message>
    <message>
        <source>The same stream (title, start and platform) is already on row {0}. Delete one of the rows.</source>
        <translation>同一场次（标题、开始时间和平台相同）已在第 {0} 行。请删除其中一行。</translation>
    </message>
    <message>
        <source>The file has a header row but no streams below it. Fill in at least one row.</source>
        <translation>文件有表头，但下面没有场次。请至少填一行。</translation>
    </message>
    <message>
        <source>{0} row of the file has problems, so nothing was imported. Fix the cells listed below and import the file again.</source>
        <translation>文件中有 {0} 行有问题，所以什么都没导入。请改正下面列出的单元格，再重新导入文件。</translation>
    </message>
    <message>
        <source>{0} rows of the file have problems, so nothing was imported. Fix the cells listed below and import the file again.</source>
        <translation>文件中有 {0} 行有问题，所以什么都没导入。请改正下面列出的单元格，再重新导入文件。</translation>
    </message>
    <message>
        <source>The title is empty. Give the stream a title.</source>
        <translation>标题为空。请给这场直播起个标题。</translation>
    </message>
    <message>
        <source>The planned length is empty. Write it in minutes, e.g. 120 (or 2小时).</source>
        <translation>计划时长为空。请按分钟填写，例如 120（或 2小时）。</translation>
    </message>
    <message>
        <source>The platform is empty. Write one of 抖音, 快手, 淘宝直播, 视频号, 小红书.</source>
        <translation>平台为空。请填 抖音、快手、淘宝直播、视频号、小红书 之一。</translation>
    </message>
    <message>
        <source>Unknown platform. Write one of 抖音, 快手, 淘宝直播, 视频号, 小红书 (or douyin, kuaishou, taobao, channels, xiaohongshu).</source>
        <translation>未知平台。请填 抖音、快手、淘宝直播、视频号、小红书 之一（或 douyin、kuaishou、taobao、channels、xiaohongshu）。</translation>
    </message>
    <message>
        <source>Unknown stream type. Write 日常场, 专场 or 大促 (daily, special, big promotion).</source>
        <translation>未知场次类型。请填 日常场、专场 或 大促（daily、special、big promotion）。</translation>
    </message>
    <message>
        <source>Unknown status. Write 策划, 脚本, 彩排, 直播 or 复盘 (planned, scripted, rehearsed, live, reviewed).</source>
        <translation>未知状态。请填 策划、脚本、彩排、直播 或 复盘（planned、scripted、rehearsed、live、reviewed）。</translation>
    </message>
    <message>
        <source>The GMV goal is not an amount of money. Write e.g. 50000, 5万 or ¥50,000.</source>
        <translation>GMV 目标不是金额。请写成 50000、5万 或 ¥50,000 这样。</translation>
    </message>
    <message>
        <source>The viewers goal is not a whole number. Write e.g. 20000 or 2万.</source>
        <translation>观看人数目标不是整数。请写成 20000 或 2万 这样。</translation>
    </message>
    <message>
        <source>The peak-online goal is not a whole number. Write e.g. 800.</source>
        <translation>峰值在线目标不是整数。请写成 800 这样。</translation>
    </message>
    <message>
        <source>The new-followers goal is not a whole number. Write e.g. 300.</source>
        <translation>涨粉目标不是整数。请写成 300 这样。</translation>
    </message>
    <message>
        <source>The conversion goal is not a rate. Write e.g. 3% or 0.03.</source>
        <translation>转化率目标不是比例。请写成 3% 或 0.03 这样。</translation>
    </message>
    <message>
        <source>The GMV goal cannot be negative. Write a positive number or leave the cell empty.</source>
        <translation>GMV 目标不能为负。请填正数或留空。</translation>
    </message>
    <message>
        <source>The viewers goal cannot be negative. Write a positive number or leave the cell empty.</source>
        <translation>观看人数目标不能为负。请填正数或留空。</translation>
    </message>
    <message>
        <source>The peak-online goal cannot be negative. Write a positive number or leave the cell empty.</source>
        <translation>峰值在线目标不能为负。请填正数或留空。</translation>
    </message>
    <message>
        <source>The new-followers goal cannot be negative. Write a positive number or leave the cell empty.</source>
        <translation>涨粉目标不能为负。请填正数或留空。</translation>
    </message>
    <message>
        <source>The conversion goal must be between 0% and 100%, e.g. 3% or 0.03.</source>
        <translation>转化率目标必须在 0% 到 100% 之间，例如 3% 或 0.03。</translation>
    </message>
    <message>
        <source>A name is longer than 100 characters. Separate several names with 、 or a comma.</source>
        <translation>名字超过 100 个字符。多个名字请用、或逗号分隔。</translation>
    </message>
    <message>
        <source>The text is longer than {0} characters. Shorten it.</source>
        <translation>文字超过 {0} 个字符，请缩短。</translation>
    </message>
    <message>
        <source>The planned length must be more than 0 minutes. Write it in minutes, e.g. 120.</source>
        <translation>计划时长必须大于 0 分钟。请按分钟填写，例如 120。</translation>
    </message>
    <message>
        <source>The planned length must be a whole number of minutes, e.g. 90.</source>
        <translation>计划时长必须是整数分钟，例如 90。</translation>
    </message>
    <message>
        <source>The planned length is more than 24 hours. Write it in minutes, e.g. 120 (not seconds).</source>
        <translation>计划时长超过 24 小时。请按分钟填写，例如 120（不是秒）。</translation>
    </message>
    <message>
        <source>The planned length is not a number of minutes. Write e.g. 120, 120分钟 or 2小时.</source>
        <translation>计划时长不是分钟数。请写成 120、120分钟 或 2小时 这样。</translation>
    </message>
    <message>
        <source>The start is empty. Write the date and time, e.g. 2026-11-20 20:00.</source>
        <translation>开始时间为空。请填日期和时间，例如 2026-11-20 20:00。</translation>
    </message>
    <message>
        <source>The date is empty. Write the date of the stream, e.g. 2026-11-20.</source>
        <translation>日期为空。请填直播日期，例如 2026-11-20。</translation>
    </message>
    <message>
        <source>The start has a time but no date. Write e.g. 2026-11-20 20:00, or add a 日期 column.</source>
        <translation>开始时间只有时间，没有日期。请写成 2026-11-20 20:00 这样，或加一列 日期。</translation>
    </message>
    <message>
        <source>The start time is empty. Write the time of day, e.g. 20:00.</source>
        <translation>开始时间为空。请填时间，例如 20:00。</translation>
    </message>
    <message>
        <source>Only a date is given, not the time. Write e.g. 2026-11-20 20:00, or add a 开始时间 column with the time.</source>
        <translation>只有日期，没有时间。请写成 2026-11-20 20:00 这样，或加一列 开始时间 填时间。</translation>
    </message>
    <message>
        <source>The date {0} is out of range. Write a year from {1} to {2}.</source>
        <translation>日期 {0} 超出范围。年份请写 {1} 到 {2} 之间。</translation>
    </message>
    <message>
        <source>The date is not readable. Write it like 2026-11-20 20:00 or 2026/11/20.</source>
        <translation>日期无法识别。请写成 2026-11-20 20:00 或 2026/11/20 这样。</translation>
    </message>
    <message>
        <source>Only a time is given, not the date. Write e.g. 2026-11-20 20:00.</source>
        <translation>只有时间，没有日期。请写成 2026-11-20 20:00 这样。</translation>
    </message>
    <message>
        <source>The time is not readable. Write the time of day like 20:00.</source>
        <translation>时间无法识别。请写成 20:00 这样。</translation>
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
        <source>“{0}” was changed by someone else after you opened it.</source>
        <translation>你打开“{0}”后，别人改过它。</translation>
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
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>内存数据库无法备份。</translation>
    </message>
    <message>
        <source>Could not write the backup {0}: {1}</source>
        <translation>无法写入备份 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} does not exist or is not a file. Nothing was changed.</source>
        <translation>{0} 不存在或不是文件。没有做任何更改。</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}. Nothing was changed.</source>
        <translation>无法读取 {0}：{1}。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} is not a LiveDesk backup (not a SQLite database file). Nothing was changed.</source>
        <translation>{0} 不是 LiveDesk 备份（不是 SQLite 数据库文件）。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} cannot be opened as a database: {1}. Nothing was changed.</source>
        <translation>{0} 无法作为数据库打开：{1}。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} is damaged (integrity check: {1}). Nothing was changed.</source>
        <translation>{0} 已损坏（完整性检查：{1}）。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} is a database, but not a LiveDesk one (it has no {1} table). Nothing was changed.</source>
        <translation>{0} 是数据库，但不是 LiveDesk 的（没有 {1} 表）。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} is damaged or not a database: {1}. Nothing was changed.</source>
        <translation>{0} 已损坏或不是数据库：{1}。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} has no schema version, so it cannot be a LiveDesk backup. Nothing was changed.</source>
        <translation>{0} 没有数据库结构版本，不可能是 LiveDesk 备份。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} was written by a newer version of LiveDesk (schema {1}). Update LiveDesk to restore it. Nothing was changed.</source>
        <translation>{0} 由更新版本的 LiveDesk 写入（数据库结构 {1}）。请升级 LiveDesk 后再恢复。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} is inconsistent: {1} rows point at missing records (the first: {2} row {3}, which needs a {4} that is not there). Nothing was changed.</source>
        <translation>{0} 数据不一致：有 {1} 行引用了不存在的记录（第一处：{2} 第 {3} 行，所需的 {4} 不存在）。没有做任何更改。</translation>
    </message>
    <message>
        <source>table {0} is missing</source>
        <translation>缺少表 {0}</translation>
    </message>
    <message>
        <source>column {0}.{1} is missing</source>
        <translation>缺少列 {0}.{1}</translation>
    </message>
    <message>
        <source>it has a {0} {1} that LiveDesk never makes</source>
        <translation>含有 LiveDesk 从不创建的 {0} {1}</translation>
    </message>
    <message>
        <source>{0} does not have the tables LiveDesk needs ({1}), so nothing would work after restoring it. Nothing was changed.</source>
        <translation>{0} 缺少 LiveDesk 需要的表结构（{1}），恢复后将无法使用。没有做任何更改。</translation>
    </message>
    <message>
        <source>An in-memory database cannot be restored into.</source>
        <translation>无法恢复到内存数据库。</translation>
    </message>
    <message>
        <source>{0} is the database itself; choose a backup file. Nothing was changed.</source>
        <translation>{0} 就是当前数据库本身；请选择备份文件。没有做任何更改。</translation>
    </message>
    <message>
        <source>Could not replace {0}: {1}. The database was not changed.</source>
        <translation>无法替换 {0}：{1}。数据库没有改动。</translation>
    </message>
    <message>
        <source>{0} could not be brought up to this version of LiveDesk ({1}). Nothing was changed.</source>
        <translation>{0} 无法升级到当前版本的 LiveDesk（{1}）。没有做任何更改。</translation>
    </message>
    <message>
        <source>Could not back up {0} before restoring: {1}. Nothing was changed.</source>
        <translation>恢复前无法备份 {0}：{1}。没有做任何更改。</translation>
    </message>
    <message>
        <source>Backing up or restoring a PostgreSQL database needs {0}, which is not installed. Install the PostgreSQL client tools (Debian/Ubuntu: apt install postgresql-client; Windows/macOS: the PostgreSQL installer) and try again.</source>
        <translation>备份或恢复 PostgreSQL 数据库需要 {0}，但它没有安装。请安装 PostgreSQL 客户端工具（Debian/Ubuntu：apt install postgresql-client；Windows/macOS：PostgreSQL 安装程序）后重试。</translation>
    </message>
    <message>
        <source>Could not run {0}: {1}</source>
        <translation>无法运行 {0}：{1}</translation>
    </message>
    <message>
        <source>exit code {0}</source>
        <translation>退出码 {0}</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0} 失败：{1}</translation>
    </message>
    <message>
        <source>{0} is not a LiveDesk PostgreSQL backup (made by `livedesk backup`). Nothing was changed.</source>
        <translation>{0} 不是 LiveDesk 的 PostgreSQL 备份（由 `livedesk backup` 生成）。没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} was written by a newer version of LiveDesk or has no schema version ({1}). Nothing was changed.</source>
        <translation>{0} 由更新版本的 LiveDesk 写入，或没有数据库结构版本（{1}）。没有做任何更改。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The term is empty.</source>
        <translation>词条为空。</translation>
    </message>
    <message>
        <source>The term holds only spaces, punctuation or {N}; write the word itself.</source>
        <translation>词条只有空格、标点或 {N}，请填写词语本身。</translation>
    </message>
    <message>
        <source>The term is longer than 100 characters.</source>
        <translation>词条超过 100 个字符。</translation>
    </message>
    <message>
        <source>The safer wording is longer than 200 characters.</source>
        <translation>替代说法超过 200 个字。</translation>
    </message>
    <message>
        <source>Unknown category {0}; use one of {1}.</source>
        <translation>未知类别 {0}；请用其中之一：{1}。</translation>
    </message>
    <message>
        <source>Unknown severity {0}; use one of {1}.</source>
        <translation>未知严重程度 {0}；请使用以下之一：{1}。</translation>
    </message>
    <message>
        <source>The safer wording itself contains the listed word {0}; write it another way.</source>
        <translation>替代说法本身含有词库里的词“{0}”，请换个说法。</translation>
    </message>
    <message>
        <source>A teammate changed this term at the same moment; close the word list, open it again and retry.</source>
        <translation>同事刚好同时修改了这个词条；请关闭词库后重新打开，再试一次。</translation>
    </message>
    <message>
        <source>{0} is not on the list.</source>
        <translation>{0} 不在词库中。</translation>
    </message>
    <message>
        <source>No header row with a 词语 column was found. Export the word list once to see the layout.</source>
        <translation>没有找到含“词语”列的表头行。先导出一次词库，照它的格式填写。</translation>
    </message>
    <message>
        <source>Unknown category; use one of {0}.</source>
        <translation>未知类别；请使用以下之一：{0}。</translation>
    </message>
    <message>
        <source>Unknown severity; use one of {0}.</source>
        <translation>未知严重程度；请使用以下之一：{0}。</translation>
    </message>
    <message>
        <source>Write 启用 (on) or 停用 (off).</source>
        <translation>请填写“启用”或“停用”。</translation>
    </message>
    <message>
        <source>The term is listed twice in the file; keep one row.</source>
        <translation>文件里这个词条出现了两次，只保留一行。</translation>
    </message>
    <message>
        <source>Nothing was imported; correct these rows and try again.</source>
        <translation>没有导入任何内容；请改正这些行后重试。</translation>
    </message>
    <message>
        <source>This database already holds streams. Use --force to add demo data anyway, or point --db at a new file.</source>
        <translation>这个数据库里已有场次。仍要添加示例数据请用 --force，或用 --db 指定一个新文件。</translation>
    </message>
    <message>
        <source>{0} (accepted headers: {1})</source>
        <translation>{0}（可用的表头：{1}）</translation>
    </message>
    <message>
        <source>Required column(s) not found: {0}. Rename the header in the file, or check that the sheet holding the products is the one with these columns.</source>
        <translation>找不到必需的列：{0}。请修改文件里的表头，或确认商品所在的工作表有这些列。</translation>
    </message>
    <message>
        <source>The file holds no table. Fill in the 选品表 or choose another file.</source>
        <translation>文件里没有表格。请填好选品表，或换一个文件。</translation>
    </message>
    <message>
        <source>a price cannot be negative</source>
        <translation>价格不能为负</translation>
    </message>
    <message>
        <source>a count cannot be negative</source>
        <translation>数量不能为负</translation>
    </message>
    <message>
        <source>longer than {0} characters</source>
        <translation>超过 {0} 个字符</translation>
    </message>
    <message>
        <source>{0} is required</source>
        <translation>{0}必填</translation>
    </message>
    <message>
        <source>duplicate SKU: already on row {0} of this file</source>
        <translation>SKU 重复：文件第 {0} 行已有</translation>
    </message>
    <message>
        <source>The sheet has a header but no product rows under it.</source>
        <translation>工作表有表头，但下面没有商品行。</translation>
    </message>
    <message>
        <source>{0} row(s) have problems, so nothing was imported. Fix them in the file, or import the good rows only.</source>
        <translation>有 {0} 行有问题，所以什么都没导入。请在文件里改正，或只导入没问题的行。</translation>
    </message>
    <message>
        <source>{0} is already open in another LiveDesk window (process {1}). Switch to that window, or close it and try again.</source>
        <translation>{0} 已在另一个 LiveDesk 窗口中打开（进程 {1}）。请切换到那个窗口，或关闭它后重试。</translation>
    </message>
    <message>
        <source>{0} is already open in another LiveDesk window. Switch to that window, or close it and try again.</source>
        <translation>{0} 已在另一个 LiveDesk 窗口中打开。请切换到那个窗口，或关闭它后重试。</translation>
    </message>
    <message>
        <source>Stream {0} no longer exists; it may have been deleted.</source>
        <translation>场次 {0} 已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>This product is not on the stream's lineup.</source>
        <translation>这个商品不在本场排品中。</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Welfare quantity</source>
        <translation>福利数量</translation>
    </message>
    <message>
        <source>Planned units</source>
        <translation>计划件数</translation>
    </message>
    <message>
        <source>Link number</source>
        <translation>链接号</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} cannot be negative (got {1}).</source>
        <translation>{0}不能为负（填的是 {1}）。</translation>
    </message>
    <message>
        <source>This product is already on the stream's lineup.</source>
        <translation>这个商品已在本场排品中。</translation>
    </message>
    <message>
        <source>The new order must list each product on the lineup exactly once; reload the lineup.</source>
        <translation>新顺序必须把排品里的每个商品列出且只列一次；请重新加载排品。</translation>
    </message>
    <message>
        <source>Someone else changed this stream's lineup after your change; nothing was changed.</source>
        <translation>你修改之后，别人又改过这场直播的排品，没有做任何更改。</translation>
    </message>
    <message>
        <source>Link number {0} is already used by another product here.</source>
        <translation>链接号 {0} 已被本场另一个商品占用。</translation>
    </message>
    <message>
        <source>No stock entered for a product planned on this stream.</source>
        <translation>本场计划上的商品还没填库存。</translation>
    </message>
    <message>
        <source>Stock {0} is below the {1} planned units plus {2}% buffer ({3}).</source>
        <translation>库存 {0} 不够：计划件数 {1} 加 {2}% 余量需要 {3}。</translation>
    </message>
    <message>
        <source>Welfare quantity {0} is more than the stock of {1}.</source>
        <translation>福利数量 {0} 超过库存 {1}。</translation>
    </message>
    <message>
        <source>Stock {0} is below the safety line of {1}.</source>
        <translation>库存 {0} 低于安全库存 {1}。</translation>
    </message>
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
        <source>A click rate is between 0% and 100%.</source>
        <translation>点击率应在 0% 到 100% 之间。</translation>
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
        <source>Click rate {0}: {1}</source>
        <translation>点击率 {0}：{1}</translation>
    </message>
    <message>
        <source>Stock {0}: {1} left</source>
        <translation>库存 {0}：剩 {1}</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>屏幕识别</translation>
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
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Commission rate</source>
        <translation>佣金率</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>unknown product role; use 引流款, 利润款, 形象款 or 福利款 (traffic, profit, image, welfare)</source>
        <translation>未知的商品定位；请用 引流款、利润款、形象款 或 福利款</translation>
    </message>
    <message>
        <source>unknown qualification status; use 已上传, 待补 or 缺失 (ok, pending, missing)</source>
        <translation>未知的资质状态；请用 已上传、待补 或 缺失</translation>
    </message>
    <message>
        <source>Gross margin {0} is below the {1} floor for {2}.</source>
        <translation>毛利率 {0} 低于{2}毛利率下限 {1}。</translation>
    </message>
    <message>
        <source>Stock {0} is below the safety line of {1}; restock.</source>
        <translation>库存 {0} 低于安全库存 {1}，请补货。</translation>
    </message>
    <message>
        <source>no stock entered</source>
        <translation>还没填库存</translation>
    </message>
    <message>
        <source>stock {0}</source>
        <translation>库存只有 {0}</translation>
    </message>
    <message>
        <source>Upcoming lineups plan {0} units; with the {1} buffer that needs {2}, but there is {3}.</source>
        <translation>后续排品计划件数 {0} 件，加 {1} 余量需备 {2} 件，但{3}。</translation>
    </message>
    <message>
        <source>The quality report (质检报告) is pending.</source>
        <translation>质检报告待补。</translation>
    </message>
    <message>
        <source>The quality report (质检报告) is missing.</source>
        <translation>质检报告缺失。</translation>
    </message>
    <message>
        <source>Click rate {0} ({1}/{2} over the last {3} reviews) is below {4}: a candidate to drop.</source>
        <translation>点击率 {0}（最近 {3} 场复盘 {1}/{2}）低于 {4}：待淘汰。</translation>
    </message>
    <message>
        <source>Product {0} no longer exists; it may have been deleted.</source>
        <translation>商品 {0} 已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>{0} must be between 0% and 100%.</source>
        <translation>{0}必须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <source>{0} is longer than {1} characters.</source>
        <translation>{0}超过 {1} 个字符。</translation>
    </message>
    <message>
        <source>{0} is required.</source>
        <translation>{0}必填。</translation>
    </message>
    <message>
        <source>SKU {0} is already used by another product.</source>
        <translation>SKU {0} 已被另一个商品使用。</translation>
    </message>
    <message>
        <source>{0} was changed by someone else after you opened it. Reload it and make your change again.</source>
        <translation>你打开“{0}”后，别人改过它。请重新加载后再改一次。</translation>
    </message>
    <message>
        <source>Someone else changed {0} after you last saw it; nothing was deleted.</source>
        <translation>你上次看到{0}之后，别人改过它，没有删除任何内容。</translation>
    </message>
    <message>
        <source>Someone else changed {0} after you last saw it; nothing was changed.</source>
        <translation>你上次看到{0}之后，别人改过它，没有做任何更改。</translation>
    </message>
    <message>
        <source>Someone else changed these products a moment ago; nothing was changed.</source>
        <translation>刚才别人改过这些商品，没有做任何更改。</translation>
    </message>
    <message>
        <source>{0} cannot be attached: only PDF files, images and office documents (Word, Excel, PowerPoint, WPS) can. Save it as a PDF and attach that.</source>
        <translation>{0} 不能作为附件：只能添加 PDF、图片和办公文档（Word、Excel、PowerPoint、WPS）。请另存为 PDF 后再添加。</translation>
    </message>
    <message>
        <source>{0} cannot be found or is not a file; choose the file again.</source>
        <translation>找不到 {0}，或它不是文件；请重新选择文件。</translation>
    </message>
    <message>
        <source>The attachment path {0} leads outside the LiveDesk data folder, so it is not opened. Attach the file again.</source>
        <translation>附件路径 {0} 指向 LiveDesk 数据文件夹之外，因此不会打开。请重新添加该文件。</translation>
    </message>
    <message>
        <source>{0} is not a PDF, an image or an office document, so LiveDesk does not open it (it could be a program). Open it yourself from the data folder if you trust it.</source>
        <translation>{0} 不是 PDF、图片或办公文档，LiveDesk 不会打开它（它可能是程序）。如果你信任它，请自行从数据文件夹中打开。</translation>
    </message>
    <message>
        <source>{0} is missing from the data folder. Attach the file again.</source>
        <translation>数据文件夹中找不到 {0}。请重新添加该文件。</translation>
    </message>
    <message>
        <source>Stream {0} does not exist (it may have been deleted).</source>
        <translation>场次 {0} 不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>分钟数据</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Peaks and valleys</source>
        <translation>峰谷时刻</translation>
    </message>
    <message>
        <source>Improvement list</source>
        <translation>改进清单</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>复盘总结</translation>
    </message>
    <message>
        <source>review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>涨粉</translation>
    </message>
    <message>
        <source>Refund buyers</source>
        <translation>退款人数</translation>
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
        <source>Entries</source>
        <translation>进场</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>离场</translation>
    </message>
    <message>
        <source>Cumulative GMV</source>
        <translation>累计 GMV</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Fan-club joins</source>
        <translation>加入粉丝团</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Product ID</source>
        <translation>商品 ID</translation>
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
        <source>Click rate (clicks / exposure)</source>
        <translation>点击率（点击 / 曝光）</translation>
    </message>
    <message>
        <source>Conversion (buyers / clicks)</source>
        <translation>转化率（成交 / 点击）</translation>
    </message>
    <message>
        <source>Share of GMV</source>
        <translation>GMV 占比</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>提示</translation>
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
        <source>Highlights</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Root cause (5 Whys)</source>
        <translation>根因（5 Whys）</translation>
    </message>
    <message>
        <source>Online viewers and segments</source>
        <translation>在线人数与环节</translation>
    </message>
    <message>
        <source>GMV per minute and cumulative</source>
        <translation>每分钟 GMV 与累计 GMV</translation>
    </message>
    <message>
        <source>GMV by day against goals</source>
        <translation>每日 GMV 与目标</translation>
    </message>
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
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cause or note</source>
        <translation>原因 / 备注</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>改进项</translation>
    </message>
    <message>
        <source>Click rate &lt; {0}</source>
        <translation>点击率 &lt; {0}</translation>
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
        <source>Click rate below {0}: consider dropping it</source>
        <translation>点击率低于 {0}，考虑淘汰</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Below {0} (preference)</source>
        <translation>低于 {0}（偏好设置）</translation>
    </message>
    <message>
        <source>Below the goal</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <source>Stream review</source>
        <translation>直播复盘报告</translation>
    </message>
    <message>
        <source>Start: {0}</source>
        <translation>开播：{0}</translation>
    </message>
    <message>
        <source>Platform: {0}</source>
        <translation>平台：{0}</translation>
    </message>
    <message>
        <source>Account: {0}</source>
        <translation>账号：{0}</translation>
    </message>
    <message>
        <source>Theme: {0}</source>
        <translation>主题：{0}</translation>
    </message>
    <message>
        <source>Planned: {0} min</source>
        <translation>计划 {0} 分钟</translation>
    </message>
    <message>
        <source>Actual: {0} min</source>
        <translation>实际 {0} 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <source>{0} paid orders submitted {1}–{2}</source>
        <translation>{1}–{2} 提交的 {0} 笔已支付订单</translation>
    </message>
    <message>
        <source>, 流量体裁 直播 only</source>
        <translation>，仅流量体裁为直播</translation>
    </message>
    <message>
        <source>GMV {0} ({1}) differs by {2:.1%} from the {3} counted from the order export: check the order export's time range and 流量体裁.</source>
        <translation>成交金额 {0}（{1}）与按订单导出统计的 {3} 相差 {2:.1%}：请检查订单导出的时间范围和流量体裁。</translation>
    </message>
    <message>
        <source>Moment {0} no longer exists.</source>
        <translation>峰谷时刻 {0} 已不存在。</translation>
    </message>
    <message>
        <source>Improvement item {0} no longer exists.</source>
        <translation>改进项 {0} 已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed the script's running order or times since you last saw it; nothing was saved.</source>
        <translation>你上次查看后，别人改过脚本的环节顺序或时间，没有保存任何内容。</translation>
    </message>
    <message>
        <source>Unknown segment type {0}.</source>
        <translation>未知环节类型 {0}。</translation>
    </message>
    <message>
        <source>{0} must be a number of seconds.</source>
        <translation>{0} 必须是秒数。</translation>
    </message>
    <message>
        <source>A segment cannot start before the stream does.</source>
        <translation>环节不能早于直播开始。</translation>
    </message>
    <message>
        <source>A segment must last at least one second.</source>
        <translation>环节至少要 1 秒。</translation>
    </message>
    <message>
        <source>The product name is longer than 300 characters.</source>
        <translation>商品名超过 300 个字符。</translation>
    </message>
    <message>
        <source>The title is longer than 200 characters.</source>
        <translation>标题超过 200 个字符。</translation>
    </message>
    <message>
        <source>The BGM name is longer than 200 characters.</source>
        <translation>BGM 名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>The segment to insert after was deleted by someone else; nothing was added.</source>
        <translation>要插在其后的环节已被别人删除，没有添加任何环节。</translation>
    </message>
    <message>
        <source>Segment {0} does not exist (it may have been deleted).</source>
        <translation>环节 {0} 不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Someone else changed “{0}” while you were editing it.</source>
        <translation>你编辑时，别人改过“{0}”。</translation>
    </message>
    <message>
        <source>Someone else changed “{0}” since you last saw it; it was not deleted.</source>
        <translation>你上次查看后，别人改过“{0}”，所以没有删除它。</translation>
    </message>
    <message>
        <source>The timing list does not match the script's segments; reload the script.</source>
        <translation>时间列表和脚本的环节对不上；请重新加载脚本。</translation>
    </message>
    <message>
        <source>Someone else changed the script since you last saw it; nothing was saved.</source>
        <translation>你上次查看后，别人改过这份脚本，没有保存任何内容。</translation>
    </message>
    <message>
        <source>Unknown template {0}; use one of {1}.</source>
        <translation>未知模板 {0}；请用其中之一：{1}。</translation>
    </message>
    <message>
        <source>Rehearsal {0} does not exist.</source>
        <translation>彩排 {0} 不存在。</translation>
    </message>
    <message>
        <source>This segment belongs to another stream's script.</source>
        <translation>这个环节属于另一场的脚本。</translation>
    </message>
    <message>
        <source>A segment cannot run for a negative time.</source>
        <translation>环节用时不能为负。</translation>
    </message>
    <message>
        <source>{0}: {1} with nothing planned</source>
        <translation>{0}：空档 {1}，没有安排内容</translation>
    </message>
    <message>
        <source>{0}: two segments overlap for {1}</source>
        <translation>{0}：两个环节重叠 {1}</translation>
    </message>
    <message>
        <source>{0}: the run is {1} longer than the slot</source>
        <translation>{0}：超出时段 {1}</translation>
    </message>
    <message>
        <source>Next switch: {0}</source>
        <translation>下次换环节：{0}</translation>
    </message>
    <message>
        <source>Show: {0}</source>
        <translation>整场：{0}</translation>
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
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>Stream {0} does not exist.</source>
        <translation>场次 {0} 不存在。</translation>
    </message>
    <message>
        <source>Douyin 百应 whole-session workbook (整场数据下载)</source>
        <translation>抖音百应整场数据工作簿（整场数据下载）</translation>
    </message>
    <message>
        <source>per-minute trend table (分钟趋势 / 流量综合趋势, .xlsx or .csv)</source>
        <translation>分钟趋势表（分钟趋势 / 流量综合趋势，.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Taobao Live session workbook (淘宝直播 场次数据)</source>
        <translation>淘宝直播场次数据工作簿</translation>
    </message>
    <message>
        <source>抖店 order export (订单导出)</source>
        <translation>抖店订单导出</translation>
    </message>
    <message>
        <source>table pasted from the clipboard (time and online viewers)</source>
        <translation>从剪贴板粘贴的表格（时间和在线人数）</translation>
    </message>
    <message>
        <source>a rate between 0% and 100% was expected</source>
        <translation>应为 0% 到 100% 之间的比率</translation>
    </message>
    <message>
        <source>{0}; correct or clear this cell</source>
        <translation>{0}；请改正或清空这个单元格</translation>
    </message>
    <message>
        <source>a count or amount cannot be negative; correct this cell</source>
        <translation>数量或金额不能为负；请改正这个单元格</translation>
    </message>
    <message>
        <source>{0} cell cannot be read, so nothing was imported. Correct the cells listed below in the file (or clear them) and import it again.</source>
        <translation>有 {0} 个单元格无法读取，所以什么都没导入。请在文件里改正（或清空）下面列出的单元格，再重新导入。</translation>
    </message>
    <message>
        <source>{0} cells cannot be read, so nothing was imported. Correct the cells listed below in the file (or clear them) and import it again.</source>
        <translation>有 {0} 个单元格无法读取，所以什么都没导入。请在文件里改正（或清空）下面列出的单元格，再重新导入。</translation>
    </message>
    <message>
        <source>not recognised: map its columns (a per-minute table needs time and online viewers)</source>
        <translation>未识别：请为各列指定含义（分钟级数据需要时间和在线人数）</translation>
    </message>
    <message>
        <source>The pasted text is empty. Copy the table (time and online viewers) and paste again.</source>
        <translation>粘贴的内容为空。请复制表格（时间和在线人数）后再粘贴。</translation>
    </message>
    <message>
        <source>The pasted table needs a time column (时间) and an online-viewer column (在线人数). Copy the header row too, or paste two columns: time and online viewers.</source>
        <translation>粘贴的表格需要时间列（时间）和在线人数列（在线人数）。请连表头一起复制，或只粘贴两列：时间和在线人数。</translation>
    </message>
    <message>
        <source>No header row with a time and an online-viewer column was found.</source>
        <translation>没有找到同时含时间列和在线人数列的表头行。</translation>
    </message>
    <message>
        <source>Beijing time ({0} on this computer)</source>
        <translation>北京时间（本机时间 {0}）</translation>
    </message>
    <message>
        <source>This export is from {0}, but the stream is on {1}. Nothing was imported. Import it into the stream of that day, or download the export of this stream from the platform.</source>
        <translation>这份导出的数据来自 {0}，但本场次在 {1}。未导入任何数据。请把它导入到当天的场次，或从平台下载本场次的导出。</translation>
    </message>
    <message>
        <source>The file holds no data at all. Download the export again from the platform.</source>
        <translation>文件里没有任何数据。请从平台重新下载导出文件。</translation>
    </message>
    <message>
        <source>This is a live script workbook (直播脚本), not a data export. Import it in the Script tab.</source>
        <translation>这是直播脚本工作簿，不是导出数据。请在“脚本”页导入。</translation>
    </message>
    <message>
        <source>This is a product pool sheet (选品表), not a data export. Import it in the Products tab.</source>
        <translation>这是选品表，不是导出数据。请在“商品”页导入。</translation>
    </message>
    <message>
        <source>This file is not an export LiveDesk understands (its sheets and headers match none). Understood kinds: {0}. In the window, map its columns in the import preview (at least the time and the online viewers of a per-minute table); pasted tables are imported with Paste.</source>
        <translation>LiveDesk 无法识别这个文件（它的工作表和表头都对不上）。可识别的类型：{0}。在窗口中可以在导入预览里为它的列指定含义（分钟级数据至少需要时间和在线人数）；粘贴的表格请用“粘贴”导入。</translation>
    </message>
    <message>
        <source>Sheet {0} lists {1} sessions and LiveDesk cannot tell which one is this stream ({2}). Export the one session, or choose the stream first.</source>
        <translation>工作表 {0} 列出了 {1} 个场次，LiveDesk 无法判断哪一场是本场次（{2}）。请只导出这一场，或先选择场次。</translation>
    </message>
    <message>
        <source>Sheet {0} lists sessions starting {1}; none falls in this stream's slot ({2}). Nothing was imported. Choose the stream of one of those sessions, or download the list that holds this one.</source>
        <translation>工作表 {0} 列出的场次开播于 {1}，没有一场落在本场次的时段（{2}）内。未导入任何数据。请选择其中某场对应的场次，或下载包含本场的场次列表。</translation>
    </message>
    <message>
        <source>row {0} of {1} sessions: {2}</source>
        <translation>{1} 个场次中的第 {0} 行：{2}</translation>
    </message>
    <message>
        <source>stated: {0} ({1})</source>
        <translation>平台给出：{0}（{1}）</translation>
    </message>
    <message>
        <source>stated rounded: {0} {1} ({2})</source>
        <translation>平台给出（取整）：{0} {1}（{2}）</translation>
    </message>
    <message>
        <source>expected a start and an end such as 2026-11-12 19:30~2026-11-12 22:00</source>
        <translation>应为开始和结束时间，例如 2026-11-12 19:30~2026-11-12 22:00</translation>
    </message>
    <message>
        <source>{0}; correct this cell</source>
        <translation>{0}；请改正这个单元格</translation>
    </message>
    <message>
        <source>from the stated start and end</source>
        <translation>按给出的开始和结束时间</translation>
    </message>
    <message>
        <source>Sheet {0}: no column is mapped to {1}. Map a column to it in the import preview.</source>
        <translation>工作表 {0}：没有列对应 {1}。请在导入预览里给它指定一列。</translation>
    </message>
    <message>
        <source>Sheet {0} has its header row but no data rows. Download the export again after the stream.</source>
        <translation>工作表 {0} 只有表头，没有数据行。请在下播后重新下载导出文件。</translation>
    </message>
    <message>
        <source>a time of day without a date; set the stream's date first or export full date-times</source>
        <translation>只有时间没有日期；请先设置场次日期，或导出完整的日期时间</translation>
    </message>
    <message>
        <source>the time is missing; fill it in or delete the row</source>
        <translation>缺少时间；请补上或删除这一行</translation>
    </message>
    <message>
        <source>this minute already appears in row {0}; delete the duplicate row</source>
        <translation>这一分钟已在第 {0} 行出现；请删除重复行</translation>
    </message>
    <message>
        <source>the time runs backwards here; sort the rows by time or fix this value</source>
        <translation>时间在这里倒退了；请按时间排序，或改正这个值</translation>
    </message>
    <message>
        <source>highest of {0} per-minute {1}</source>
        <translation>{0} 个分钟的{1}的最高值</translation>
    </message>
    <message>
        <source>mean of {0} per-minute {1}</source>
        <translation>{0} 个分钟的{1}的平均值</translation>
    </message>
    <message>
        <source>first minute of the trend</source>
        <translation>趋势的第一分钟</translation>
    </message>
    <message>
        <source>first to last minute of the trend</source>
        <translation>趋势的第一分钟到最后一分钟</translation>
    </message>
    <message>
        <source>sum of {0} per-minute {1}</source>
        <translation>{0} 个分钟的{1}之和</translation>
    </message>
    <message>
        <source>the product has no name; fill it in or delete the row</source>
        <translation>商品没有名称；请补上或删除这一行</translation>
    </message>
    <message>
        <source>stated: row {0} ({1})</source>
        <translation>平台给出：{0} 行（{1}）</translation>
    </message>
    <message>
        <source>stated rounded: row {0} ({1})</source>
        <translation>平台给出（取整）：{0} 行（{1}）</translation>
    </message>
    <message>
        <source>the order number is missing; fill it in or delete the row</source>
        <translation>缺少订单号；请补上或删除这一行</translation>
    </message>
    <message>
        <source>the amount is missing; fill it in or delete the row</source>
        <translation>缺少金额；请补上或删除这一行</translation>
    </message>
    <message>
        <source>Sheet {0}, row {1}, column {2}: the order number {3} was stored by Excel as a number and has lost its last digits, so orders would be merged or miscounted. Nothing was imported. Import the order export as the CSV the platform gives (do not open and re-save it in Excel).</source>
        <translation>工作表 {0}，第 {1} 行，列 {2}：订单号 {3} 被 Excel 存成了数字，末尾几位已丢失，订单会被合并或算错。未导入任何数据。请导入平台提供的 CSV 订单导出（不要用 Excel 打开后另存）。</translation>
    </message>
    <message>
        <source>a number too large to be exact; import the platform's CSV</source>
        <translation>数字太大，已无法精确；请导入平台的 CSV</translation>
    </message>
    <message>
        <source>a length in minutes must be more than 0</source>
        <translation>分钟数必须大于 0</translation>
    </message>
    <message>
        <source>expected a time range such as 20:00-20:05, a start such as 20:00, or minutes such as 5</source>
        <translation>应为时间段（如 20:00-20:05）、开始时间（如 20:00）或分钟数（如 5）</translation>
    </message>
    <message>
        <source>{0} is not a time; write it like 20:05</source>
        <translation>{0} 不是时间；请写成 20:05 这样</translation>
    </message>
    <message>
        <source>{0} is not a time: minutes and seconds go up to 59</source>
        <translation>{0} 不是时间：分和秒最大为 59</translation>
    </message>
    <message>
        <source>The script has no 时间节点 column, so the segments' times are unknown. Add a column 时间节点 with times such as 20:00-20:05 and import again.</source>
        <translation>脚本没有 时间节点 列，不知道各环节的时间。请加一列 时间节点，填 20:00-20:05 这样的时间，再重新导入。</translation>
    </message>
    <message>
        <source>header row without a 时间节点 column</source>
        <translation>表头行没有 时间节点 列</translation>
    </message>
    <message>
        <source>No script table found: expected a header row with 时间节点 and 环节 (or 直播阶段 / 主播动作/口播). Check that this is the run-of-show sheet.</source>
        <translation>没有找到脚本表格：应有一行含 时间节点 和 环节（或 直播阶段 / 主播动作/口播）的表头。请确认这是直播流程表。</translation>
    </message>
    <message>
        <source>no product on link {0} in this stream's lineup; set link numbers in the lineup</source>
        <translation>本场排品中没有 {0} 号链接的商品；请在排品里设置链接号</translation>
    </message>
    <message>
        <source>matches several products ({0}); write the full name or the link number</source>
        <translation>匹配到多个商品（{0}）；请写全名或链接号</translation>
    </message>
    <message>
        <source>not in the product pool yet (or the name is written differently)</source>
        <translation>还不在选品池里（或名称写法不同）</translation>
    </message>
    <message>
        <source>the time is empty; every segment needs one</source>
        <translation>时间为空；每个环节都要有时间</translation>
    </message>
    <message>
        <source>The script table has a header but no segments. Fill in at least one row.</source>
        <translation>脚本表格有表头，但没有环节。请至少填一行。</translation>
    </message>
    <message>
        <source>{0} problem(s) in the script; nothing was imported. Correct the cells listed and import again.</source>
        <translation>脚本中有 {0} 处问题，什么都没导入。请改正列出的单元格后重新导入。</translation>
    </message>
    <message>
        <source>{0} is not a time of day</source>
        <translation>{0} 不是有效的时刻</translation>
    </message>
    <message>
        <source>earlier than the stream's start time; check the stream's start or the time</source>
        <translation>早于场次开始时间；请检查场次开始时间或这个时间</translation>
    </message>
    <message>
        <source>a segment longer than 12 hours</source>
        <translation>环节超过 12 小时</translation>
    </message>
    <message>
        <source>the segment ends before (or when) it starts</source>
        <translation>环节的结束时间不晚于开始时间</translation>
    </message>
    <message>
        <source>cannot tell when this segment ends; write a range such as 20:00-20:05</source>
        <translation>无法判断这个环节何时结束；请写成 20:00-20:05 这样的时间段</translation>
    </message>
    <message>
        <source>this start is already on row {0}; delete the duplicate row</source>
        <translation>这个开始时间已在第 {0} 行出现；请删除重复行</translation>
    </message>
    <message>
        <source>Someone else changed the stream's time or deleted a product the script names after the file was read; nothing was imported. Import the file again.</source>
        <translation>读取文件后，有人改了这个场次的时间或删除了脚本里的商品；什么都没有导入。请重新导入这个文件。</translation>
    </message>
    <message>
        <source>Every product the script names is already linked to the pool; nothing to add.</source>
        <translation>脚本里的商品都已关联选品池，没有要加入的。</translation>
    </message>
    <message>
        <source>Added from the script of “{0}”: fill in the SKU, prices, cost, stock and selling points.</source>
        <translation>从“{0}”的脚本加入：请补全 SKU、价格、成本、库存和卖点。</translation>
    </message>
    <message>
        <source>Nothing was added: {0}. Choose these products in the Product column, or set the link numbers on the stream's lineup.</source>
        <translation>没有加入任何商品：{0}。请在“商品”列里选择这些商品，或在本场排品里设置链接号。</translation>
    </message>
    <message>
        <source>“{0}” was edited in the product pool after it was added; it was kept and nothing was undone. Delete it on the Products tab if it is not needed.</source>
        <translation>“{0}”加入后在选品池里被修改过，已保留，未撤销任何内容。如果不需要，请在商品页删除它。</translation>
    </message>
    <message>
        <source>“{0}” is now used by another stream or a review; it was kept and nothing was undone.</source>
        <translation>“{0}”已被其他场次或复盘使用，已保留，未撤销任何内容。</translation>
    </message>
    <message>
        <source>Script approved</source>
        <translation>脚本已定稿</translation>
    </message>
    <message>
        <source>No script yet: write or import it in the Script tab.</source>
        <translation>还没有脚本：请在脚本页编写或导入。</translation>
    </message>
    <message>
        <source>Approved in the Script tab.</source>
        <translation>已在脚本页定稿。</translation>
    </message>
    <message>
        <source>Not approved yet: approve it in the Script tab.</source>
        <translation>还未定稿：请在脚本页定稿。</translation>
    </message>
    <message>
        <source>Rehearsal done</source>
        <translation>彩排已完成</translation>
    </message>
    <message>
        <source>Rehearsed on {0}: all {1} segments timed.</source>
        <translation>{0} 已彩排：全部 {1} 个环节都已计时。</translation>
    </message>
    <message>
        <source>The stream is marked rehearsed (彩排).</source>
        <translation>这场已标记为彩排完成。</translation>
    </message>
    <message>
        <source>The last rehearsal ({0}) timed {1} of {2} segments: rehearse the whole run once.</source>
        <translation>上次彩排（{0}）只计时了 {2} 个环节中的 {1} 个：请完整彩排一次。</translation>
    </message>
    <message>
        <source>No rehearsal yet: rehearse from the Script tab.</source>
        <translation>还没有彩排：请在脚本页开始彩排。</translation>
    </message>
    <message>
        <source>Stock covers the plan + {0}% (N+1)</source>
        <translation>库存够计划件数 + {0}%（N+1）</translation>
    </message>
    <message>
        <source>The lineup is empty: add products in the Products tab.</source>
        <translation>排品为空：请在商品页添加商品。</translation>
    </message>
    <message>
        <source>Short: {0}. Restock or lower the planned units.</source>
        <translation>库存不足：{0}。请补货或减少计划件数。</translation>
    </message>
    <message>
        <source>No planned units in the lineup: enter them in the Products tab so the stock can be checked.</source>
        <translation>排品里还没有计划件数：请在商品页填写，才能核对库存。</translation>
    </message>
    <message>
        <source>Every product with planned units has the stock ({0} without planned units not checked).</source>
        <translation>填了计划件数的商品库存都够（{0} 个没填计划件数，未检查）。</translation>
    </message>
    <message>
        <source>All {0} products have stock for their planned units.</source>
        <translation>全部 {0} 个商品的库存都够计划件数。</translation>
    </message>
    <message>
        <source>No banned or risky words</source>
        <translation>无违禁词和风险词</translation>
    </message>
    <message>
        <source>No script to check yet.</source>
        <translation>还没有可检查的脚本。</translation>
    </message>
    <message>
        <source>The script was checked: nothing found.</source>
        <translation>脚本已检查：没有发现问题。</translation>
    </message>
    <message>
        <source>Risky words in the script: {0} ({1} in all). Fix them in the Script tab.</source>
        <translation>脚本里有风险词：{0}（共 {1} 处）。请在脚本页修改。</translation>
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
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>场次</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>GMV target</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <source>GMV attainment</source>
        <translation>GMV 达成率</translation>
    </message>
    <message>
        <source>Viewers (UV)</source>
        <translation>观看人数 UV</translation>
    </message>
    <message>
        <source>UV attainment</source>
        <translation>UV 达成率</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Conversion attainment</source>
        <translation>转化率达成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Streams: {0}, reviewed: {1}</source>
        <translation>场次：{0}，已复盘：{1}</translation>
    </message>
    <message>
        <source>No streams in this period.</source>
        <translation>这段时间没有场次。</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Unknown period “{0}”: write day, week or month.</source>
        <translation>未知周期“{0}”：请写 day、week 或 month。</translation>
    </message>
    <message>
        <source>bars: GMV · ▼ goal</source>
        <translation>柱：GMV · ▼ 目标</translation>
    </message>
    <message>
        <source>Generated {0}</source>
        <translation>生成于 {0}</translation>
    </message>
    <message>
        <source>attainment: GMV of the streams with a goal / their goals; conversion: buyers / UV (basis: people)</source>
        <translation>达成率：有目标场次的 GMV / 其目标之和；转化率：成交人数 / 观看人数（口径：按人数）</translation>
    </message>
    <message>
        <source>GMV per minute (¥)</source>
        <translation>每分钟 GMV（¥）</translation>
    </message>
    <message>
        <source>Cumulative GMV (¥)</source>
        <translation>累计 GMV（¥）</translation>
    </message>
    <message>
        <source>Goal {0}</source>
        <translation>目标 {0}</translation>
    </message>
    <message>
        <source>1. Key figures</source>
        <translation>一、核心数据</translation>
    </message>
    <message>
        <source>Goal {0} · reached {1}</source>
        <translation>目标 {0} · 达成 {1}</translation>
    </message>
    <message>
        <source>2. Curves</source>
        <translation>二、曲线</translation>
    </message>
    <message>
        <source>No per-minute data imported.</source>
        <translation>没有分钟级数据。</translation>
    </message>
    <message>
        <source>3. Products, ranked by GMV</source>
        <translation>三、商品（按 GMV 排序）</translation>
    </message>
    <message>
        <source>No product data imported.</source>
        <translation>没有商品数据。</translation>
    </message>
    <message>
        <source>4. Peaks and valleys</source>
        <translation>四、峰谷时刻</translation>
    </message>
    <message>
        <source>No curve imported.</source>
        <translation>没有曲线数据。</translation>
    </message>
    <message>
        <source>5. Debrief</source>
        <translation>五、复盘总结</translation>
    </message>
    <message>
        <source>6. Improvement list</source>
        <translation>六、改进清单</translation>
    </message>
    <message>
        <source>No improvements yet.</source>
        <translation>暂无改进事项。</translation>
    </message>
    <message>
        <source>Refund buyers: {0} for the stream, {1} added up over the products (a buyer who refunds several products counts once for the stream).</source>
        <translation>退款人数：整场 {0}，各商品相加 {1}（一人退多个商品，整场只计一次）。</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing it. Reload and try again.</source>
        <translation>你编辑期间，这条记录被别人改过了。请刷新后重试。</translation>
    </message>
    <message>
        <source>Cannot open the database {0}: {1}</source>
        <translation>无法打开数据库 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is damaged (check: {1}). LiveDesk did not change it. Restore the latest backup (File ▸ Backups in the window, or `livedesk restore FILE`); the damaged file is kept as a copy.</source>
        <translation>{0} 已损坏（检查结果：{1}）。LiveDesk 没有改动它。请恢复最近的备份（窗口中的 文件 ▸ 备份列表，或 `livedesk restore FILE`）；损坏的文件会保留一份副本。</translation>
    </message>
    <message>
        <source>{0} is not a LiveDesk database. Choose another file.</source>
        <translation>{0} 不是 LiveDesk 数据库。请选择其他文件。</translation>
    </message>
    <message>
        <source>{0} holds LiveDesk data but has no schema version, so LiveDesk cannot tell how to open it. It was left untouched: restore a backup, or choose another file.</source>
        <translation>{0} 含有 LiveDesk 数据，但没有数据库结构版本，LiveDesk 无法判断如何打开它。文件未被改动：请恢复备份，或选择其他文件。</translation>
    </message>
    <message>
        <source>The connection to the team server {0} was lost. Nothing was written. Check the network (or ask whoever runs the server), then do it again.</source>
        <translation>与团队服务器 {0} 的连接已断开。没有写入任何数据。请检查网络（或联系服务器管理员），然后重新操作。</translation>
    </message>
    <message>
        <source>The disk holding {0} could not be read or written (the disk may be full, removed or failing). Nothing was written. Check the disk, then try again.</source>
        <translation>无法读写 {0} 所在的磁盘（磁盘可能已满、已拔出或出现故障）。没有写入任何数据。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The team server {0} stopped answering while your change was being saved, so LiveDesk cannot tell whether it was saved. Once the status bar no longer says it is retrying, check it before doing it again.</source>
        <translation>保存修改时团队服务器 {0} 停止了响应，LiveDesk 无法确定是否已保存。等状态栏不再显示“正在重试”后，请先检查一下，再决定是否重新操作。</translation>
    </message>
    <message>
        <source>The team server {0} did not answer, so LiveDesk stopped waiting. Nothing was saved. Once the status bar no longer says it is retrying, do it again.</source>
        <translation>团队服务器 {0} 没有响应，LiveDesk 已停止等待。这次没有保存任何内容。等状态栏不再显示“正在重试”后再操作一次。</translation>
    </message>
    <message>
        <source>The team server {0} does not answer, so nothing was written. LiveDesk keeps trying to reach it; do it again once the status bar no longer says it is retrying.</source>
        <translation>团队服务器 {0} 没有响应，因此没有写入任何数据。LiveDesk 会继续尝试连接；等状态栏不再显示“正在重试”后再操作一次。</translation>
    </message>
    <message>
        <source>The disk is full: {0} could not be written. Nothing was written. Free some space on that disk (or choose a folder on another disk) and try again.</source>
        <translation>磁盘已满：无法写入 {0}。没有写入任何数据。请清理该磁盘的空间（或选择其他磁盘上的文件夹）后重试。</translation>
    </message>
    <message>
        <source>{0} is read-only (or you may not write there). Nothing was written. Copy the database to a folder you can write to (your Documents, not a CD, a locked USB stick or a shared folder you can only read) and open it from there.</source>
        <translation>{0} 是只读的（或你没有写入权限）。没有写入任何数据。请把数据库复制到可写入的文件夹（例如“文档”，而不是光盘、写保护的 U 盘或只读的共享文件夹），再从那里打开。</translation>
    </message>
    <message>
        <source>{0} cannot be used: it is read-only or you lack permission. Nothing was written. Choose a folder you can write to (or check the file's permissions) and try again.</source>
        <translation>无法使用 {0}：它是只读的，或你没有权限。没有写入任何数据。请选择你可以写入的文件夹（或检查文件权限）后重试。</translation>
    </message>
    <message>
        <source>{0} is locked by {1}, which is writing to it. Nothing was written. Wait until it finishes or close it, then try again.</source>
        <translation>{0} 被 {1} 锁定，它正在写入。没有写入任何数据。请等它完成或将其关闭后重试。</translation>
    </message>
    <message>
        <source>{0} is locked by another program writing to it (another LiveDesk, a database browser or a cloud-drive sync). Nothing was written. Close that program or wait until it finishes, then try again.</source>
        <translation>{0} 被另一个正在写入的程序锁定（另一个 LiveDesk、数据库查看工具或网盘同步）。没有写入任何数据。请关闭该程序或等它完成后重试。</translation>
    </message>
    <message>
        <source>LiveDesk (process {0})</source>
        <translation>LiveDesk（进程 {0}）</translation>
    </message>
    <message>
        <source>{0} (process {1})</source>
        <translation>{0}（进程 {1}）</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Waiting and trying again ({0} of {1})…</source>
        <translation>数据库正忙：另一个程序正在写入。正在等待并重试（第 {0} 次，共 {1} 次）…</translation>
    </message>
    <message>
        <source>Logged during the stream: the numbers typed from the dashboard every few minutes (GMV as a running total). Import the platform's per-minute export for the full curve.</source>
        <translation>直播时录入：场控每隔几分钟从后台抄录的数据（GMV 为累计值）。导入平台的分钟级趋势导出可得到完整曲线。</translation>
    </message>
    <message>
        <source>Captured from the dashboard every {0} s during the stream (GMV as a running total). An imported per-minute export replaces it.</source>
        <translation>直播中每 {0} 秒从大屏识别的数据（成交金额为累计值）。导入平台的分钟级数据后以导入数据为准。</translation>
    </message>
    <message>
        <source>Captured from the dashboard every {0} s during the stream, with the numbers typed (GMV as a running total). An imported per-minute export replaces it.</source>
        <translation>直播中每 {0} 秒从大屏识别的数据，以及手动录入的数据（成交金额为累计值）。导入平台的分钟级数据后以导入数据为准。</translation>
    </message>
    <message>
        <source>{0} is not an image LiveDesk can read: save the screenshot as PNG or JPEG and try again.</source>
        <translation>{0} 不是 LiveDesk 能读取的图片：请把截图存为 PNG 或 JPEG 后重试。</translation>
    </message>
    <message>
        <source>The capture</source>
        <translation>截取的画面</translation>
    </message>
    <message>
        <source>macOS did not let LiveDesk read the screen. Open System Settings ▸ Privacy &amp; Security ▸ Screen Recording (Screen &amp; System Audio Recording on macOS 15), switch LiveDesk on, then quit and reopen LiveDesk.</source>
        <translation>macOS 没有允许 LiveDesk 读取屏幕。请打开 系统设置 ▸ 隐私与安全性 ▸ 屏幕录制（macOS 15 为“录屏与系统录音”），打开 LiveDesk，然后退出并重新打开 LiveDesk。</translation>
    </message>
    <message>
        <source>This Wayland session does not let applications read the screen. Log out and choose an X11 session ("Ubuntu on Xorg") at the login screen, then try again.</source>
        <translation>当前 Wayland 会话不允许应用读取屏幕。请注销，在登录界面选择 X11 会话（“Ubuntu on Xorg”）后再试。</translation>
    </message>
    <message>
        <source>The captured region is empty (one colour). Check that the dashboard is visible in the region and not covered or minimised, then choose the region again.</source>
        <translation>截取的区域是空的（只有一种颜色）。请确认大屏在区域内可见、没有被遮挡或最小化，然后重新框选区域。</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>UV</source>
        <translation>UV</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>{0} went down from {1} to {2}</source>
        <translation>{0} 从 {1} 降到了 {2}</translation>
    </message>
    <message>
        <source>{0} jumped from {1} to {2} within a minute</source>
        <translation>{0} 一分钟内从 {1} 跳到 {2}</translation>
    </message>
    <message>
        <source>link #{0} is not in this stream's lineup</source>
        <translation>本场排品里没有 #{0} 号链接</translation>
    </message>
    <message>
        <source>Someone else already deleted {0}; this step left the undo history.</source>
        <translation>{0}已被别人删除，这一步已从撤销记录中移除。</translation>
    </message>
    <message>
        <source>sum of paid orders</source>
        <translation>已支付订单金额合计</translation>
    </message>
    <message>
        <source>paid orders</source>
        <translation>已支付订单数</translation>
    </message>
    <message>
        <source>people who paid</source>
        <translation>下单并支付的人数</translation>
    </message>
    <message>
        <source>unique viewers</source>
        <translation>去重观看人数</translation>
    </message>
    <message>
        <source>Views (PV)</source>
        <translation>观看次数 PV</translation>
    </message>
    <message>
        <source>views; one person may watch several times</source>
        <translation>观看次数，一人可多次</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <source>highest point of the online curve</source>
        <translation>在线人数曲线最高点</translation>
    </message>
    <message>
        <source>Average online</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <source>mean of the online curve</source>
        <translation>在线人数曲线平均值</translation>
    </message>
    <message>
        <source>buyers / UV (basis: people)</source>
        <translation>成交人数 / 观看人数（口径：按人数）</translation>
    </message>
    <message>
        <source>AOV per buyer</source>
        <translation>成交客单价</translation>
    </message>
    <message>
        <source>GMV / buyers</source>
        <translation>GMV / 成交人数</translation>
    </message>
    <message>
        <source>Average order amount</source>
        <translation>成交订单单价</translation>
    </message>
    <message>
        <source>GMV / orders</source>
        <translation>GMV / 订单数</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>GMV / UV</source>
        <translation>GMV / UV</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <source>GMV / PV × 1000 (basis: views)</source>
        <translation>GMV / PV × 1000（口径：按观看次数）</translation>
    </message>
    <message>
        <source>people who followed during the stream</source>
        <translation>本场新增关注人数</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投放消耗</translation>
    </message>
    <message>
        <source>paid traffic spend (e.g. Qianchuan)</source>
        <translation>付费投放消耗（如千川）</translation>
    </message>
    <message>
        <source>Paid ROI</source>
        <translation>投放 ROI</translation>
    </message>
    <message>
        <source>GMV / ad spend</source>
        <translation>GMV / 投放消耗</translation>
    </message>
    <message>
        <source>Average watch time</source>
        <translation>人均观看时长</translation>
    </message>
    <message>
        <source>total watch time / UV</source>
        <translation>总观看时长 / 观看人数</translation>
    </message>
    <message>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>amount refunded</source>
        <translation>已退款金额</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款率</translation>
    </message>
    <message>
        <source>refunds / GMV</source>
        <translation>退款金额 / GMV</translation>
    </message>
    <message>
        <source>Taobao 种草 conversion</source>
        <translation>淘宝种草成交转化率</translation>
    </message>
    <message>
        <source>buyers / product click users (Taobao's 种草成交转化率, as stated)</source>
        <translation>成交人数 / 商品点击人数（淘宝的种草成交转化率，按平台所给）</translation>
    </message>
    <message>
        <source>Actual length</source>
        <translation>实际时长</translation>
    </message>
    <message>
        <source>from going live to ending the stream</source>
        <translation>实际开播到下播</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>e.g. 50,000 or 5万</source>
        <translation>如 50,000 或 5万</translation>
    </message>
    <message>
        <source>Not an amount</source>
        <translation>不是金额</translation>
    </message>
</context>
<context>
    <name>OcrProcess</name>
    <message>
        <source>The text reader could not start: {0}</source>
        <translation>文字识别无法启动：{0}</translation>
    </message>
    <message>
        <source>The text reader stopped (exit code {0}); capture stopped.</source>
        <translation>文字识别已退出（退出码 {0}），屏幕识别已停止。</translation>
    </message>
</context>
<context>
    <name>PeriodReportDialog</name>
    <message>
        <source>Export period report</source>
        <translation>导出日报/周报/月报</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Day in the period</source>
        <translation>周期内的一天(&amp;D)</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
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
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
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
        <translation>备货高于计划件数的余量 N+1(&amp;B)</translation>
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
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Orders submitted this long after the stream ends still count as its sales when an order export is imported.</source>
        <translation>导入订单导出时，下播后这么长时间内提交的订单仍算作本场的成交。</translation>
    </message>
    <message>
        <source>&amp;Orders count until the end plus</source>
        <translation>订单统计到下播后(&amp;O)</translation>
    </message>
    <message>
        <source>Quality reports (质检报告)</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Warn about a missing quality report only for products of these categories (and for products without a category):</source>
        <translation>只对以下类目的商品（以及没填类目的商品）提示缺少质检报告：</translation>
    </message>
    <message>
        <source>The UV value alert is not an amount ({0}). Write e.g. 0.8.</source>
        <translation>UV 价值提醒不是金额（{0}）。请写成 0.8 这样的形式。</translation>
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
        <translation>后续排品计划件数：{0} 件</translation>
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
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.webp *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.dps)</source>
        <translation>文档 (*.pdf *.png *.jpg *.jpeg *.webp *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.dps)</translation>
    </message>
    <message>
        <source>Add document {0}</source>
        <translation>添加文件 {0}</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>无法打开文档</translation>
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
        <source>Reloaded: your change was discarded.</source>
        <translation>已重新加载：你的修改已放弃。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation><numerusform>%n 个商品</numerusform></translation>
    </message>
    <message>
        <source>Kept: nothing was deleted.</source>
        <translation>已保留：没有删除任何内容。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was changed on this lineup by someone else after you last saw it. Taking it off now would throw their changes away. Nothing has been taken off yet. Their changes:</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 在你上次查看后已被他人在本场排品中修改。现在移出会丢掉他们的修改。目前尚未移出任何商品。他们的修改：</translation>
    </message>
    <message>
        <source>Keep: nothing is taken off and the lineup shows their version. Remove anyway: take it off with their changes (Ctrl+Z puts it back).</source>
        <translation>保留：不移出任何商品，排品显示他们的版本。仍然移出：连同他们的修改一起移出（Ctrl+Z 可放回）。</translation>
    </message>
    <message>
        <source>Remove anyway</source>
        <translation>仍然移出</translation>
    </message>
    <message>
        <source>Kept: nothing was taken off the lineup.</source>
        <translation>已保留：没有商品被移出排品。</translation>
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
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划</translation>
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
        <source>Someone else deleted “{0}”, so its time was not saved.</source>
        <translation>“{0}”已被别人删除，这一段的用时没有保存。</translation>
    </message>
    <message>
        <source>Total {0} · plan {1}</source>
        <translation>合计 {0} · 计划 {1}</translation>
    </message>
    <message>
        <source>Partial rehearsal: {0} of {1} segments, {2} for their plan of {3} ({4})</source>
        <translation>部分彩排：{0}/{1} 个环节，用时 {2}，这些环节计划 {3}（{4}）</translation>
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
    <message>
        <source>First up: {0}</source>
        <translation>第一个环节：{0}</translation>
    </message>
    <message>
        <source>No host lines for this segment.</source>
        <translation>这个环节没有话术。</translation>
    </message>
    <message>
        <source>Cues: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>下一环节：{0}</translation>
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
        <source>Logged during the stream: the numbers typed from the dashboard every few minutes (GMV as a running total). Import the platform's per-minute export for the full curve.</source>
        <translation>直播时录入：场控每隔几分钟从后台抄录的数据（GMV 为累计值）。导入平台的分钟级趋势导出可得到完整曲线。</translation>
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
    <message numerus="yes">
        <source>%n file(s) will not import as they are:</source>
        <translation><numerusform>有 %n 个文件按现在的样子无法导入：</numerusform></translation>
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
        <source>Will not import: {0}</source>
        <translation>不会导入：{0}</translation>
    </message>
    <message>
        <source>Session taken: {0}</source>
        <translation>采用的场次：{0}</translation>
    </message>
    <message>
        <source>unpaid or cancelled</source>
        <translation>未支付或已取消</translation>
    </message>
    <message>
        <source>not from the live room (流量体裁)</source>
        <translation>非直播间订单（流量体裁）</translation>
    </message>
    <message>
        <source>outside the stream's time</source>
        <translation>不在直播时段内</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>Orders counted: {0} lines.</source>
        <translation>计入订单：{0} 行。</translation>
    </message>
    <message>
        <source>Left out: {0}.</source>
        <translation>未计入：{0}。</translation>
    </message>
    <message>
        <source>Not used (no figure reads them): {0}</source>
        <translation>未使用（没有指标读取）：{0}</translation>
    </message>
    <message>
        <source>Import into “{0}” ({1}) instead</source>
        <translation>改为导入到“{0}”（{1}）</translation>
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
    <name>ReviewImporter</name>
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
        <source>Margin (pool)</source>
        <translation>毛利率（选品池）</translation>
    </message>
    <message>
        <source>Elimination candidate</source>
        <translation>待淘汰</translation>
    </message>
    <message>
        <source>Click-to-buy rate = product buyers / product click users (people basis).</source>
        <translation>点击成交率 = 商品成交人数 / 商品点击人数；口径：按人数。</translation>
    </message>
    <message>
        <source>Click rate = product click users / product exposure users (people basis). Below {0} the product becomes an elimination candidate.</source>
        <translation>点击率 = 商品点击人数 / 商品曝光人数；口径：按人数。低于 {0} 的商品列为待淘汰。</translation>
    </message>
    <message>
        <source>Click rate below {0}: an elimination candidate for the next lineup.</source>
        <translation>点击率低于 {0}：下次排品时考虑淘汰。</translation>
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
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>AOV per buyer</source>
        <translation>成交客单价</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
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
        <source>Add incidents to Problems</source>
        <translation>把异常写入问题</translation>
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
        <source>%n product(s) with a click rate below {0}: elimination candidates (highlighted).</source>
        <translation><numerusform>%n 个商品点击率低于 {0}，列为待淘汰（已高亮）。</numerusform></translation>
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
        <source>Note on the minute {0} {1}</source>
        <translation>备注第 {0} 分钟（{1}）</translation>
    </message>
    <message>
        <source>What the live console logged</source>
        <translation>直播控制台的记录</translation>
    </message>
    <message>
        <source>On air {0}–{1}</source>
        <translation>直播 {0}–{1}</translation>
    </message>
    <message>
        <source>GMV {0}</source>
        <translation>GMV {0}</translation>
    </message>
    <message>
        <source>orders {0}</source>
        <translation>订单 {0}</translation>
    </message>
    <message>
        <source>UV {0}</source>
        <translation>UV {0}</translation>
    </message>
    <message>
        <source>peak online {0}</source>
        <translation>最高在线 {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s) of numbers typed, the last at {0}</source>
        <translation><numerusform>共录入 %n 次数据，最后一次在 {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier alert(s) in the live log)</source>
        <translation><numerusform>（更早的 %n 条预警见直播日志）</numerusform></translation>
    </message>
    <message>
        <source>{0} {1}: {2}</source>
        <translation>{0} {1}：{2}</translation>
    </message>
    <message>
        <source> (handled by {0})</source>
        <translation>（{0} 处理）</translation>
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
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
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
    <message>
        <source>Reloaded: your change was discarded.</source>
        <translation>已重新加载：你的修改已放弃。</translation>
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
    <message numerus="yes">
        <source>%n stream(s)</source>
        <translation><numerusform>%n 场</numerusform></translation>
    </message>
    <message>
        <source>Kept: nothing was deleted.</source>
        <translation>已保留：没有删除任何内容。</translation>
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
    <name>ScriptFiles</name>
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
    <message>
        <source>Replace the script?</source>
        <translation>替换现有脚本？</translation>
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
        <source>Every product the script names is in the product pool.</source>
        <translation>脚本里的商品都在选品池里。</translation>
    </message>
    <message>
        <source>Add to pool</source>
        <translation>加入选品池</translation>
    </message>
    <message numerus="yes">
        <source>Added %n product(s) to the pool and linked their segments. Ctrl+Z takes them away.</source>
        <translation><numerusform>已把 %n 个商品加入选品池，并关联到对应环节。按 Ctrl+Z 可撤销。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Linked %n segment(s) to products already in the pool.</source>
        <translation><numerusform>已把 %n 个环节关联到选品池里已有的商品。</numerusform></translation>
    </message>
    <message>
        <source>Not added: {0}.</source>
        <translation>未加入：{0}。</translation>
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
    <name>ScriptImportDialog</name>
    <message>
        <source>Import script: {0}</source>
        <translation>导入脚本：{0}</translation>
    </message>
    <message numerus="yes">
        <source>The file holds %n segment(s).</source>
        <translation><numerusform>文件里有 %n 个环节。</numerusform></translation>
    </message>
    <message>
        <source>Importing replaces the current script (Ctrl+Z brings it back).</source>
        <translation>导入会替换当前脚本（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) it names are not in the product pool. Their names are kept on the segments; add them to the pool now, or later with Add to pool.</source>
        <translation><numerusform>其中 %n 个商品不在选品池里。商品名会保留在环节上；可以现在加入选品池，也可以稍后点“加入选品池”。</numerusform></translation>
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
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>{0} (not in pool)</source>
        <translation>{0}（不在选品池）</translation>
    </message>
    <message>
        <source>Not in the product pool</source>
        <translation>不在选品池的商品</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>a link number only: set link numbers on the stream's lineup</source>
        <translation>只有链接号：请在本场排品里设置链接号</translation>
    </message>
    <message>
        <source>Products the pool lacks</source>
        <translation>选品池里没有的商品</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message numerus="yes">
        <source>Import and add %n to pool</source>
        <translation><numerusform>导入并把 %n 个商品加入选品池</numerusform></translation>
    </message>
    <message>
        <source>Creates the products in the product pool (fill in SKU, cost and selling points there), puts them on this stream's lineup and links their segments. Ctrl+Z takes them away again.</source>
        <translation>在选品池里新建这些商品（之后在那里补全 SKU、成本和卖点），加入本场排品并关联到对应环节。按 Ctrl+Z 可撤销。</translation>
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
        <source>Authority/endorsement</source>
        <translation>权威/专家背书</translation>
    </message>
    <message>
        <source>Medical claim</source>
        <translation>医疗功效用语</translation>
    </message>
    <message>
        <source>Cosmetics efficacy claim</source>
        <translation>化妆品功效宣称</translation>
    </message>
    <message>
        <source>Food health claim</source>
        <translation>食品保健功效</translation>
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
        <source>Unfair terms</source>
        <translation>不公平格式条款</translation>
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
    <message>
        <source>Must change</source>
        <translation>必须修改</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>需核实</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
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
    <name>ScriptSidePanel</name>
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
        <source>Risk category</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
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
        <source>Planned time</source>
        <translation>计划</translation>
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
        <source>#{0} · {1}</source>
        <translation>#{0} · {1}</translation>
    </message>
    <message>
        <source> (not finished)</source>
        <translation>（未完成）</translation>
    </message>
    <message>
        <source> (partial: {0} of {1} segments)</source>
        <translation>（部分彩排：{0}/{1} 个环节）</translation>
    </message>
    <message>
        <source>Rehearsed segments</source>
        <translation>已彩排环节</translation>
    </message>
    <message>
        <source>Whole script</source>
        <translation>整份脚本</translation>
    </message>
    <message numerus="yes">
        <source>Rehearsals (%n)</source>
        <translation><numerusform>彩排记录（%n）</numerusform></translation>
    </message>
</context>
<context>
    <name>ScriptTab</name>
    <message>
        <source>Stream:</source>
        <translation>场次：</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加环节</translation>
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
        <source>Move segment</source>
        <translation>移动环节</translation>
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
        <source>{0} (not in pool)</source>
        <translation>{0}（不在选品池）</translation>
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
</context>
<context>
    <name>ScriptToolbar</name>
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
        <source>Add to pool</source>
        <translation>加入选品池</translation>
    </message>
    <message>
        <source>Link the products this script names to the product pool, creating those it does not hold yet, and put them on the lineup</source>
        <translation>把脚本里的商品关联到选品池（池里没有的先新建），并加入排品</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
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
    <message>
        <source>“{0}” is not in the product pool yet. Use Add to pool to create it and link it, or choose a product here.</source>
        <translation>“{0}”还不在选品池里。点“加入选品池”新建并关联，或在这里选一个商品。</translation>
    </message>
    <message>
        <source>{0} (not in pool)</source>
        <translation>{0}（不在选品池）</translation>
    </message>
</context>
<context>
    <name>ServerWait</name>
    <message>
        <source>Waiting for the team server… {0} s</source>
        <translation>正在等待团队服务器… {0} 秒</translation>
    </message>
    <message>
        <source>The team server {0} has not answered for {1} s.
LiveDesk goes on waiting. Stop waiting to give up: you will be told whether your change was saved.</source>
        <translation>团队服务器 {0} 已经 {1} 秒没有响应。
LiveDesk 会继续等待。点“停止等待”放弃等待：之后会告诉你这次修改是否已保存。</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>Team server not answering</source>
        <translation>团队服务器没有响应</translation>
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
        <source>(no account)</source>
        <translation>（未指定账号）</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>Name of the new account (as it is on the platform):</source>
        <translation>新账号名称（与平台上的一致）：</translation>
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
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>新建人员…</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>Name of the new team member:</source>
        <translation>新成员姓名：</translation>
    </message>
    <message>
        <source>The GMV goal is not an amount ({0}). Write e.g. 50000, 5万 or ¥50,000.</source>
        <translation>GMV 目标不是金额（{0}）。请写成 50000、5万 或 ¥50,000 这样的形式。</translation>
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
    <name>Tab</name>
    <message>
        <source>Saved. The view updates once the team server answers again.</source>
        <translation>已保存。团队服务器恢复响应后，界面会随之更新。</translation>
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
    <name>TeammateChanges</name>
    <message>
        <source>Someone else already deleted this segment; nothing was changed.</source>
        <translation>别人已经删除了这个环节，没有做任何改动。</translation>
    </message>
    <message>
        <source>Someone else deleted the segment you selected, so nothing was added. Select where the new segment goes and add it again.</source>
        <translation>你选中的环节已被别人删除，所以没有添加。请重新选择新环节的位置后再添加。</translation>
    </message>
    <message>
        <source>Someone else deleted the segment that “{0}” changes; nothing was changed and the step left the undo history.</source>
        <translation>“{0}”所改的环节已被别人删除；没有做任何改动，这一步已从撤销记录中移除。</translation>
    </message>
    <message>
        <source>Not approved: someone else changed the script. Review their changes first.</source>
        <translation>未定稿：别人改过脚本，请先审阅对方的改动。</translation>
    </message>
    <message>
        <source>Kept their version: this step can no longer be undone or redone, so it left the undo history.</source>
        <translation>已保留对方的版本：这一步无法再撤销或重做，已从撤销记录中移除。</translation>
    </message>
    <message>
        <source>Kept: nothing was deleted.</source>
        <translation>已保留：没有删除任何内容。</translation>
    </message>
    <message>
        <source>Reloaded: your change was discarded.</source>
        <translation>已重新加载：你的修改已放弃。</translation>
    </message>
    <message>
        <source>Someone else deleted the segment, so “{0}” was not saved.</source>
        <translation>这个环节已被别人删除，“{0}”没有保存。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; was changed by someone else after you last saw it. Approving it now would approve changes nobody reviewed. Nothing has been approved yet. Compare:</source>
        <translation>你上次查看之后，别人改过&lt;b&gt;{0}&lt;/b&gt;。现在定稿会把没人审过的改动一起定稿。还没有定稿。对比一下：</translation>
    </message>
    <message>
        <source>Don't approve: nothing is saved and the tab shows their version to review. Approve anyway: approve the script with their changes.</source>
        <translation>不定稿：不保存任何内容，页面显示对方的版本供你审阅。仍然定稿：连同对方的改动一起定稿。</translation>
    </message>
    <message>
        <source>Don't approve</source>
        <translation>不定稿</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>仍然定稿</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <source>The script</source>
        <translation>这份脚本</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
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
        <source>product not in pool</source>
        <translation>不在选品池的商品</translation>
    </message>
    <message>
        <source>Running order</source>
        <translation>环节顺序</translation>
    </message>
    <message>
        <source>(whole script replaced)</source>
        <translation>（整份脚本被替换）</translation>
    </message>
    <message>
        <source>(segment)</source>
        <translation>（环节）</translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s)</source>
        <translation><numerusform>还有 %n 处改动</numerusform></translation>
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
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词条</translation>
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
        <source>Words the checker flags in scripts, with a safer wording and the rule each comes from. Switch built-in terms off or move them to another category; add your team's own. The list is kept in this database, so everyone on a team server shares it. The check is a prompt for the reviewer, not legal advice.</source>
        <translation>合规检查会在脚本里标出这些词，并给出替代说法和每个词的依据。内置词条可以停用或改到其他类别，也可以添加团队自己的词。词库保存在当前数据库里，团队服务器上的每个人共用同一份。检查结果只是给审核的提示，不构成法律意见。</translation>
    </message>
    <message>
        <source>Risk category</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Term ({N} stands for a number: {N}天见效)</source>
        <translation>词条（{N} 代表数字，如 {N}天见效）</translation>
    </message>
    <message>
        <source>Category default</source>
        <translation>按类别默认</translation>
    </message>
    <message>
        <source>Add / update</source>
        <translation>添加 / 更新</translation>
    </message>
    <message>
        <source>Add the term, or save the category, severity and wording of a listed one</source>
        <translation>添加词条，或保存已列词条的类别、严重程度和替代说法</translation>
    </message>
    <message>
        <source>Move selected to category</source>
        <translation>所选改为此类别</translation>
    </message>
    <message>
        <source>Give the selected terms the category and severity chosen above</source>
        <translation>把上方选好的类别和严重程度用于所选词条</translation>
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
        <source>Import .xlsx…</source>
        <translation>导入 .xlsx…</translation>
    </message>
    <message>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
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
        <source>built-in, changed</source>
        <translation>内置（已修改）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Import word list</source>
        <translation>导入合规词库</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Imported: {0} added, {1} changed, {2} switched off, {3} unchanged.</source>
        <translation>已导入：新增 {0} 条，修改 {1} 条，停用 {2} 条，未变 {3} 条。</translation>
    </message>
    <message>
        <source>Export word list</source>
        <translation>导出合规词库</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}. Choose another folder or close the file in Excel.</source>
        <translation>无法写入 {0}：{1}。请换一个文件夹，或先在 Excel 中关闭该文件。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n term(s) to {0}.</source>
        <translation><numerusform>已把 %n 个词条写入 {0}。</numerusform></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
</context>
</TS>