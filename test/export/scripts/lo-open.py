"""Opens a (password-protected) .docx in a real LibreOffice through UNO, once per password given.

    python3 lo-open.py <file.docx> <profile dir> <password>...

Prints one line per password: "OPENED <first characters of the text>" or "NOT OPENED <reason>".
Used by test/export/encrypt.test.ts: LibreOffice, not our library, decides whether the password works.
"""
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


def main():
    path, profile, passwords = sys.argv[1], sys.argv[2], sys.argv[3:]
    pipe = "ehcp_lo_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)), "--headless", "--invisible",
         "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    deadline = time.time() + 120
    while ctx is None:  # poll until the office answers
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                print("NOT OPENED office did not start")
                return 1
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    try:
        for password in passwords:
            args = [prop("Hidden", True), prop("ReadOnly", True)]
            if password != "":
                args.append(prop("Password", password))
            try:
                doc = desktop.loadComponentFromURL(url, "_blank", 0, tuple(args))
            except Exception as error:  # a wrong password is an exception or no document
                print("NOT OPENED " + type(error).__name__)
                continue
            if doc is None:
                print("NOT OPENED no document")
                continue
            print("OPENED " + doc.getText().getString()[:300].replace("\n", " "))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


sys.exit(main())
