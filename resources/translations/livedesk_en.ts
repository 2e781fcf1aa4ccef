<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BulkEditDialog</name>
        <message numerus="yes">
            <source>Edit %n product(s)</source>
            <translation>
                <numerusform>Edit %n product</numerusform>
                <numerusform>Edit %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Set one value on all %n selected product(s). You can undo this.</source>
            <translation>
                <numerusform>Set one value on all %n selected product. You can undo this.</numerusform>
                <numerusform>Set one value on all %n selected products. You can undo this.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaptureConsole</name>
        <message numerus="yes">
            <source>%n link(s) updated.</source>
            <translation>
                <numerusform>%n link updated.</numerusform>
                <numerusform>%n links updated.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read %n figure(s) from the pasted text: check them and press Enter.</source>
            <translation>
                <numerusform>Read %n figure from the pasted text: check them and press Enter.</numerusform>
                <numerusform>Read %n figures from the pasted text: check them and press Enter.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistPage</name>
        <message numerus="yes">
            <source>%n checklist item(s) are not ticked:</source>
            <translation>
                <numerusform>%n checklist item is not ticked:</numerusform>
                <numerusform>%n checklist items are not ticked:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LineupEditor</name>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n product</numerusform>
                <numerusform>%n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) have no planned units yet.</source>
            <translation>
                <numerusform>%n product has no planned units yet.</numerusform>
                <numerusform>%n products have no planned units yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stock warning(s):</source>
            <translation>
                <numerusform>%n stock warning:</numerusform>
                <numerusform>%n stock warnings:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add %n product(s) to the lineup</source>
            <translation>
                <numerusform>Add %n product to the lineup</numerusform>
                <numerusform>Add %n products to the lineup</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %n product(s) from the lineup</source>
            <translation>
                <numerusform>Remove %n product from the lineup</numerusform>
                <numerusform>Remove %n products from the lineup</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MarkRehearsed</name>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) are not resolved:</source>
            <translation>
                <numerusform>%n problem is not resolved:</numerusform>
                <numerusform>%n problems are not resolved:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message numerus="yes">
            <source>Loading %n product(s)…</source>
            <translation>
                <numerusform>Loading %n product…</numerusform>
                <numerusform>Loading %n products…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) shown</source>
            <translation>
                <numerusform>%n product shown</numerusform>
                <numerusform>%n products shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with warnings</source>
            <translation>
                <numerusform>%n with warnings</numerusform>
                <numerusform>%n with warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n product</numerusform>
                <numerusform>%n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Edit %n product(s)</source>
            <translation>
                <numerusform>Edit %n product</numerusform>
                <numerusform>Edit %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n product(s)</source>
            <translation>
                <numerusform>Delete %n product</numerusform>
                <numerusform>Delete %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n product(s)</source>
            <translation>
                <numerusform>Import %n product</numerusform>
                <numerusform>Import %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n product(s) to {0}</source>
            <translation>
                <numerusform>Exported %n product to {0}</numerusform>
                <numerusform>Exported %n products to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RehearsalDialog</name>
        <message numerus="yes">
            <source>%n segment(s) to rehearse</source>
            <translation>
                <numerusform>%n segment to rehearse</numerusform>
                <numerusform>%n segments to rehearse</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewImportDialog</name>
        <message numerus="yes">
            <source>%n file(s) will not import as they are:</source>
            <translation>
                <numerusform>%n file will not import as they are:</numerusform>
                <numerusform>%n files will not import as they are:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewImporter</name>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n file</numerusform>
                <numerusform>%n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n curve point(s)</source>
            <translation>
                <numerusform>%n curve point</numerusform>
                <numerusform>%n curve points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n product</numerusform>
                <numerusform>%n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order line(s)</source>
            <translation>
                <numerusform>%n order line</numerusform>
                <numerusform>%n order lines</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewTab</name>
        <message numerus="yes">
            <source>%n product(s) with a click rate below {0}: elimination candidates (highlighted).</source>
            <translation>
                <numerusform>%n product with a click rate below {0}: elimination candidates (highlighted).</numerusform>
                <numerusform>%n products with a click rate below {0}: elimination candidates (highlighted).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n set(s) of numbers typed, the last at {0}</source>
            <translation>
                <numerusform>%n set of numbers typed, the last at {0}</numerusform>
                <numerusform>%n sets of numbers typed, the last at {0}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n earlier alert(s) in the live log)</source>
            <translation>
                <numerusform>(%n earlier alert in the live log)</numerusform>
                <numerusform>(%n earlier alerts in the live log)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n improvement(s)</source>
            <translation>
                <numerusform>Delete %n improvement</numerusform>
                <numerusform>Delete %n improvements</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScheduleTab</name>
        <message numerus="yes">
            <source>%n stream(s) shown</source>
            <translation>
                <numerusform>%n stream shown</numerusform>
                <numerusform>%n streams shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with conflicts</source>
            <translation>
                <numerusform>%n with conflicts</numerusform>
                <numerusform>%n with conflicts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) are not resolved:</source>
            <translation>
                <numerusform>%n problem is not resolved:</numerusform>
                <numerusform>%n problems are not resolved:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Duplicate %n stream(s)</source>
            <translation>
                <numerusform>Duplicate %n stream</numerusform>
                <numerusform>Duplicate %n streams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n stream(s)</source>
            <translation>
                <numerusform>Delete %n stream</numerusform>
                <numerusform>Delete %n streams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stream(s)</source>
            <translation>
                <numerusform>%n stream</numerusform>
                <numerusform>%n streams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n stream(s)</source>
            <translation>
                <numerusform>Import %n stream</numerusform>
                <numerusform>Import %n streams</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n stream(s) to {0}</source>
            <translation>
                <numerusform>Exported %n stream to {0}</numerusform>
                <numerusform>Exported %n streams to {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScriptFiles</name>
        <message numerus="yes">
            <source>The file holds %n segment(s); importing replaces the current script (Ctrl+Z brings it back).</source>
            <translation>
                <numerusform>The file holds %n segment; importing replaces the current script (Ctrl+Z brings it back).</numerusform>
                <numerusform>The file holds %n segments; importing replaces the current script (Ctrl+Z brings it back).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n segment(s).</source>
            <translation>
                <numerusform>Imported %n segment.</numerusform>
                <numerusform>Imported %n segments.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Added %n product(s) to the pool and linked their segments. Ctrl+Z takes them away.</source>
            <translation>
                <numerusform>Added %n product to the pool and linked their segments. Ctrl+Z takes them away.</numerusform>
                <numerusform>Added %n products to the pool and linked their segments. Ctrl+Z takes them away.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Linked %n segment(s) to products already in the pool.</source>
            <translation>
                <numerusform>Linked %n segment to products already in the pool.</numerusform>
                <numerusform>Linked %n segments to products already in the pool.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScriptImportDialog</name>
        <message numerus="yes">
            <source>The file holds %n segment(s).</source>
            <translation>
                <numerusform>The file holds %n segment.</numerusform>
                <numerusform>The file holds %n segments.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) it names are not in the product pool. Their names are kept on the segments; add them to the pool now, or later with Add to pool.</source>
            <translation>
                <numerusform>%n product it names are not in the product pool. Their names are kept on the segments; add them to the pool now, or later with Add to pool.</numerusform>
                <numerusform>%n products it names are not in the product pool. Their names are kept on the segments; add them to the pool now, or later with Add to pool.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import and add %n to pool</source>
            <translation>
                <numerusform>Import and add %n to pool</numerusform>
                <numerusform>Import and add %n to pool</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScriptSidePanel</name>
        <message numerus="yes">
            <source>Rehearsals (%n)</source>
            <translation>
                <numerusform>Rehearsals (%n)</numerusform>
                <numerusform>Rehearsals (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScriptTab</name>
        <message numerus="yes">
            <source>%n gap(s)</source>
            <translation>
                <numerusform>%n gap</numerusform>
                <numerusform>%n gaps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overlap(s)</source>
            <translation>
                <numerusform>%n overlap</numerusform>
                <numerusform>%n overlaps</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n segment(s)</source>
            <translation>
                <numerusform>%n segment</numerusform>
                <numerusform>%n segments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Compliance (%n)</source>
            <translation>
                <numerusform>Compliance (%n)</numerusform>
                <numerusform>Compliance (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The script has %n segment(s). Building from the template replaces all of them (Ctrl+Z brings them back).</source>
            <translation>
                <numerusform>The script has %n segment. Building from the template replaces all of them (Ctrl+Z brings them back).</numerusform>
                <numerusform>The script has %n segments. Building from the template replaces all of them (Ctrl+Z brings them back).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The checker found %n risky word(s) in this script. Approve it anyway?</source>
            <translation>
                <numerusform>The checker found %n risky word in this script. Approve it anyway?</numerusform>
                <numerusform>The checker found %n risky words in this script. Approve it anyway?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SegmentTableModel</name>
        <message numerus="yes">
            <source>%n risky word(s) in this segment; see Compliance.</source>
            <translation>
                <numerusform>%n risky word in this segment; see Compliance.</numerusform>
                <numerusform>%n risky words in this segment; see Compliance.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StreamTableModel</name>
        <message numerus="yes">
            <source>⚠ %n conflict(s)</source>
            <translation>
                <numerusform>⚠ %n conflict</numerusform>
                <numerusform>⚠ %n conflicts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TeammateChanges</name>
        <message numerus="yes">
            <source>%n more change(s)</source>
            <translation>
                <numerusform>%n more change</numerusform>
                <numerusform>%n more changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WordListDialog</name>
        <message numerus="yes">
            <source>Wrote %n term(s) to {0}.</source>
            <translation>
                <numerusform>Wrote %n term to {0}.</numerusform>
                <numerusform>Wrote %n terms to {0}.</numerusform>
            </translation>
        </message>
    </context>
</TS>