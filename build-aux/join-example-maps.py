#!/usr/bin/env python3
"""Rebuild data/maps/france-territorial-innovation.graphml from the three
regional example maps.

The joined map holds every actor and relation of the three regional maps,
unchanged and in their order (an actor found in two maps, such as the
Région Auvergne-Rhône-Alpes, must be identical in both and appears once),
followed by what only the joined map holds (the links across territories).
Those extras, the title and the description are read from the joined map
itself; everything else comes from the regional maps, which are the ones to
edit.  Run from the source tree:  python3 build-aux/join-example-maps.py
With --check, nothing is written and the exit status says whether the joined
map is up to date.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://graphml.graphdrawing.org/xmlns}"
MAPS = Path(__file__).resolve().parent.parent / "data" / "maps"
PARTS = ["clermont-auvergne.graphml", "peak-auvergne-rhone-alpes.graphml",
         "innovente-hauts-de-france.graphml"]
JOINED = "france-territorial-innovation.graphml"

# (id, for, attr.name, attr.type), in the order data are written.
KEYS = [
    ("title", "graph", "title", "string"),
    ("description", "graph", "description", "string"),
    ("label", "node", "label", "string"),
    ("role", "node", "role", "string"),
    ("territory", "node", "territory", "string"),
    ("lessons", "node", "lessons", "string"),
    ("notes", "node", "notes", "string"),
    ("provenance", "node", "provenance", "string"),
    ("kind", "edge", "kind", "string"),
    ("relation-lessons", "edge", "lessons", "string"),
    ("relation-notes", "edge", "notes", "string"),
    ("relation-provenance", "edge", "provenance", "string"),
    ("weight", "edge", "weight", "double"),
]
KEY_ORDER = [k[0] for k in KEYS]


def esc(text, attr=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attr else text


def read(path):
    """Returns (graph id, graph data, [(node id, data)], [(edge id, source, target, data)])."""
    graph = ET.parse(path).getroot().find(NS + "graph")
    gdata = {d.get("key"): d.text or "" for d in graph.findall(NS + "data")}
    nodes = [(n.get("id"), {d.get("key"): d.text or "" for d in n.findall(NS + "data")})
             for n in graph.findall(NS + "node")]
    edges = [(e.get("id"), e.get("source"), e.get("target"),
              {d.get("key"): d.text or "" for d in e.findall(NS + "data")})
             for e in graph.findall(NS + "edge")]
    for _, data in nodes + [(e[0], e[3]) for e in edges]:
        unknown = set(data) - set(KEY_ORDER)
        if unknown:
            sys.exit(f"{path}: unknown keys {sorted(unknown)}")
    return graph.get("id"), gdata, nodes, edges


def write_text(graph_id, gdata, nodes, edges):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
           '         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
           '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd">']
    for kid, kfor, name, ktype in KEYS:
        out.append(f'  <key id="{kid}" for="{kfor}" attr.name="{name}" attr.type="{ktype}"/>')
    out.append(f'  <graph id="{esc(graph_id, True)}" edgedefault="directed">')

    def data_lines(data, indent):
        for key in KEY_ORDER:
            if key in data:
                out.append(f'{indent}<data key="{key}">{esc(data[key])}</data>')

    data_lines(gdata, "    ")
    for nid, data in nodes:
        out.append(f'    <node id="{esc(nid, True)}">')
        data_lines(data, "      ")
        out.append("    </node>")
    for eid, source, target, data in edges:
        out.append(f'    <edge id="{esc(eid, True)}" source="{esc(source, True)}" '
                   f'target="{esc(target, True)}">')
        data_lines(data, "      ")
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)


def join():
    nodes, edges, seen = [], [], {}
    for part in PARTS:
        _, _, pnodes, pedges = read(MAPS / part)
        for nid, data in pnodes:
            if nid in seen:
                if seen[nid] != data:
                    sys.exit(f"actor {nid} differs between the regional maps")
                continue
            seen[nid] = data
            nodes.append((nid, data))
        edges += pedges
    graph_id, gdata, jnodes, jedges = read(MAPS / JOINED)
    edge_ids = {e[0] for e in edges}
    nodes += [n for n in jnodes if n[0] not in seen]
    edges += [e for e in jedges if e[0] not in edge_ids]
    ids = {n[0] for n in nodes}
    for eid, source, target, _ in edges:
        if source not in ids or target not in ids:
            sys.exit(f"relation {eid} names a missing actor")
    return write_text(graph_id, gdata, nodes, edges)


if __name__ == "__main__":
    text = join()
    path = MAPS / JOINED
    if "--check" in sys.argv[1:]:
        sys.exit(0 if path.read_text(encoding="utf-8") == text else 1)
    path.write_text(text, encoding="utf-8")
