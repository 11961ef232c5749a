"""Edits a .docx in a real LibreOffice through UNO, as a family using LibreOffice would, and saves it as .docx.

    python3 lo-edit.py <in.docx> <out.docx> <profile dir> '<json list of edits>'

Edits, made with LibreOffice's track changes on (Edit > Track Changes > Record):
  {"op": "replace", "find": "20 minutes", "by": "30 minutes"}   a tracked replacement
  {"op": "append", "after": "in conversation.", "text": " ..."}  tracked typing just after some words
The profile is fresh, so LibreOffice has no user name (as on many family computers).
(Comments are not made here: LibreOffice 7.4 headless crashes saving to .docx a comment inserted
through UNO. Comments saved by LibreOffice are covered by the round-trip tests.)
Prints "SAVED" or "FAILED <reason>". Used by test/unit/reply/libreoffice.test.ts.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def find(doc, words):
    search = doc.createSearchDescriptor()
    search.SearchString = words
    found = doc.findFirst(search)
    if found is None:
        raise RuntimeError("not found: " + words)
    return found


def main():
    source, target, profile, edits = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    pipe = "ehcp_reply_lo_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)), "--headless", "--invisible",
         "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    deadline = time.time() + 120
    while ctx is None:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                print("FAILED office did not start")
                return 1
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        doc.RecordChanges = True
        for edit in edits:
            if edit["op"] == "replace":
                find(doc, edit["find"]).setString(edit["by"])
            elif edit["op"] == "append":
                found = find(doc, edit["after"])
                found.getText().insertString(found.getEnd(), edit["text"], False)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        print("SAVED")
    except Exception as error:
        print("FAILED " + type(error).__name__ + " " + str(error)[:200])
        return 1
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
