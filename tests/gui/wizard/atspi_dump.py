#!/usr/bin/python3
"""Writes what a screen reader sees of one process's windows, as JSON, through AT-SPI (pyatspi): a real
client on the session's accessibility bus. Run by atspi_tests.cpp while the wizard is on screen.

usage: atspi_dump.py PID OUTPUT.json

Each showing accessible becomes {"role", "name", "description", "focusable", "focused", "labelled_by"}.
"""
import json
import sys

import pyatspi


def states(node):
    s = node.getState()
    return s.contains(pyatspi.STATE_FOCUSABLE), s.contains(pyatspi.STATE_FOCUSED), s.contains(
        pyatspi.STATE_SHOWING)


def labelled_by(node):
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                names.append(relation.getTarget(i).name)
    return names


def walk(node, out, depth=0):
    if node is None or depth > 60:
        return
    focusable, focused, showing = states(node)
    if not showing and depth > 1:
        return
    out.append({"role": node.getRoleName(), "name": node.name or "", "description": node.description or "",
                "focusable": focusable, "focused": focused, "labelled_by": labelled_by(node)})
    for child in node:
        walk(child, out, depth + 1)


def main():
    pid, output = int(sys.argv[1]), sys.argv[2]
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [app for app in desktop if app is not None and app.get_process_id() == pid]
    if not apps:
        print("atspi_dump: no application with pid %d on the accessibility bus" % pid, file=sys.stderr)
        return 2
    found = []
    for app in apps:
        for window in app:
            walk(window, found)
    with open(output, "w") as f:
        json.dump(found, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
