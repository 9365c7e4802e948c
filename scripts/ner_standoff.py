#!/usr/bin/env python3
"""Standoff entity annotations of shared articles: tests/data/polnear-ner/.

The article text never enters the repository: an annotator writes a bracketed copy of an article
outside it (`⟦PER Donald Trump⟧ told ⟦ORG CNN⟧ ...`), and `apply` turns it into character offsets,
refusing the copy unless, brackets removed, it is the shared text exactly.

    ner_standoff.py list                    the 42 articles and their split (dev / check)
    ner_standoff.py render NAME             the article with its annotations bracketed inline
    ner_standoff.py apply NAME FILE         a bracketed copy -> tests/data/polnear-ner/NAME.ann
    ner_standoff.py from-list NAME FILE     a list of `TYPE<TAB>name` lines, in text order -> NAME.ann
    ner_standoff.py check                   every .ann: checksum, types, order, no overlap
    ner_standoff.py strings [--mixed]       every annotated string with its types and counts

NAME is the article's file name without `.txt`. Offsets are in code points (as PolNeAR's).
"""

import collections
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANN_DIR = os.path.join(ROOT, "tests", "data", "polnear-ner")
TEXT_DIR = os.environ.get(
    "LEDE_POLNEAR_DEV", os.path.join(ROOT, "..", "shared", "data", "polnear", "dev", "text")
)
TYPES = ("PER", "ORG", "LOC", "MISC")
OPEN, CLOSE = "⟦", "⟧"
DEV_POSITIONS = (0, 3, 6, 9)
CHECK_POSITIONS = (1, 7)


def articles():
    """(name, split) of the annotated articles: per outlet, dev positions then check ones."""
    names = sorted(f[:-4] for f in os.listdir(TEXT_DIR) if f.endswith(".txt"))
    by_outlet = collections.defaultdict(list)
    for n in names:
        by_outlet[n.split("_")[0]].append(n)
    out = []
    for outlet in sorted(by_outlet):
        files = by_outlet[outlet]
        out += [(files[i], "dev") for i in DEV_POSITIONS if i < len(files)]
        out += [(files[i], "check") for i in CHECK_POSITIONS if i < len(files)]
    return out


def read_text(name):
    with open(os.path.join(TEXT_DIR, name + ".txt"), encoding="utf-8") as f:
        return f.read()


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_ann(name):
    path = os.path.join(ANN_DIR, name + ".ann")
    digest, spans = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sha256 "):
                digest = line.split()[2]
            elif line and not line.startswith("#"):
                a, b, t = line.split("\t")
                spans.append((int(a), int(b), t))
    return digest, spans


def parse_bracketed(marked):
    """The plain text and the (start, end, type) spans of a bracketed copy."""
    plain, spans, i = [], [], 0
    pattern = re.compile(OPEN + r"(PER|ORG|LOC|MISC) ")
    pos = 0
    while True:
        m = pattern.search(marked, i)
        stray = marked.find(CLOSE, i)
        if stray != -1 and (m is None or stray < m.start()):
            raise ValueError(f"a {CLOSE} with no opening bracket, at {context(marked, stray)}")
        bad = marked.find(OPEN, i)
        if bad != -1 and (m is None or bad < m.start()):
            raise ValueError(f"a {OPEN} not followed by a type and a space, at {context(marked, bad)}")
        if m is None:
            plain.append(marked[i:])
            break
        plain.append(marked[i : m.start()])
        pos += m.start() - i
        end = marked.find(CLOSE, m.end())
        if end == -1:
            raise ValueError(f"an unclosed bracket at {context(marked, m.start())}")
        inner = marked[m.end() : end]
        if OPEN in inner:
            raise ValueError(f"nested brackets at {context(marked, m.start())}")
        if not inner or inner != inner.strip():
            raise ValueError(f"empty or space-padded name at {context(marked, m.start())}")
        spans.append((pos, pos + len(inner), m.group(1)))
        plain.append(inner)
        pos += len(inner)
        i = end + 1
    return "".join(plain), spans


def context(s, at, width=40):
    return repr(s[max(0, at - width) : at + width])


def first_difference(a, b):
    n = min(len(a), len(b))
    for k in range(n):
        if a[k] != b[k]:
            return k
    return n


def render(text, spans):
    out, last = [], 0
    for a, b, t in spans:
        out.append(text[last:a])
        out.append(f"{OPEN}{t} {text[a:b]}{CLOSE}")
        last = b
    out.append(text[last:])
    return "".join(out)


def validate(text, spans):
    last = 0
    for a, b, t in spans:
        if t not in TYPES:
            raise ValueError(f"unknown type {t}")
        if not (last <= a < b <= len(text)):
            raise ValueError(f"span {a}-{b} out of order, overlapping or out of the text")
        last = b


def cmd_apply(name, path):
    text = read_text(name)
    with open(path, encoding="utf-8") as f:
        marked = f.read()
    plain, spans = parse_bracketed(marked)
    if plain != text:
        k = first_difference(plain, text)
        sys.exit(
            f"{path}: without brackets it differs from {name}.txt at character {k}:\n"
            f"  copy:   {context(plain, k)}\n  shared: {context(text, k)}"
        )
    write_ann(name, text, spans)


def cmd_from_list(name, path):
    """Each listed name is found at its first whole-word occurrence after the previous one's end."""
    text = read_text(name)
    spans, pos = [], 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            t, _, surface = line.partition("\t")
            if t not in TYPES or not surface or surface != surface.strip():
                raise ValueError(f"line {n}: want TYPE<TAB>name, got {line!r}")
            at = pos
            while True:
                at = text.find(surface, at)
                if at == -1:
                    raise ValueError(
                        f"line {n}: {surface!r} not found after character {pos} "
                        f"(near {context(text, pos)})"
                    )
                before = text[at - 1] if at > 0 else " "
                after = text[at + len(surface)] if at + len(surface) < len(text) else " "
                if not (before.isalnum() or after.isalnum()):
                    break
                at += 1
            spans.append((at, at + len(surface), t))
            pos = at + len(surface)
    write_ann(name, text, spans)


def write_ann(name, text, spans):
    validate(text, spans)
    os.makedirs(ANN_DIR, exist_ok=True)
    split = dict(articles()).get(name, "extra")
    with open(os.path.join(ANN_DIR, name + ".ann"), "w", encoding="utf-8") as f:
        f.write(f"# sha256 {sha256(text)}\n# split {split}\n")
        for a, b, t in spans:
            f.write(f"{a}\t{b}\t{t}\n")
    counts = collections.Counter(t for _, _, t in spans)
    print(f"{name}: {len(spans)} names " + " ".join(f"{t} {counts[t]}" for t in TYPES))


def cmd_check():
    bad = 0
    total = collections.Counter()
    for name, split in articles():
        path = os.path.join(ANN_DIR, name + ".ann")
        if not os.path.exists(path):
            print(f"missing: {name} ({split})")
            bad += 1
            continue
        text = read_text(name)
        digest, spans = read_ann(name)
        try:
            if digest != sha256(text):
                raise ValueError("checksum differs from the shared text")
            validate(text, spans)
        except ValueError as e:
            print(f"{name}: {e}")
            bad += 1
        for _, _, t in spans:
            total[(split, t)] += 1
    for split in ("dev", "check"):
        print(split, " ".join(f"{t} {total[(split, t)]}" for t in TYPES))
    sys.exit(1 if bad else 0)


def cmd_strings(mixed_only):
    seen = collections.defaultdict(collections.Counter)
    for name, _ in articles():
        if not os.path.exists(os.path.join(ANN_DIR, name + ".ann")):
            continue
        text = read_text(name)
        for a, b, t in read_ann(name)[1]:
            seen[text[a:b]][t] += 1
    for s in sorted(seen, key=lambda s: (-sum(seen[s].values()), s)):
        if mixed_only and len(seen[s]) < 2:
            continue
        print(f"{s}\t" + " ".join(f"{t}:{n}" for t, n in seen[s].most_common()))


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return
    cmd, rest = argv[0], argv[1:]
    if cmd == "list":
        for name, split in articles():
            print(f"{split}\t{name}")
    elif cmd == "render" and len(rest) == 1:
        name = rest[0]
        text = read_text(name)
        spans = read_ann(name)[1] if os.path.exists(os.path.join(ANN_DIR, name + ".ann")) else []
        sys.stdout.write(render(text, spans))
    elif cmd == "apply" and len(rest) == 2:
        try:
            cmd_apply(*rest)
        except ValueError as e:
            sys.exit(f"{rest[1]}: {e}")
    elif cmd == "from-list" and len(rest) == 2:
        try:
            cmd_from_list(*rest)
        except ValueError as e:
            sys.exit(f"{rest[1]}: {e}")
    elif cmd == "check":
        cmd_check()
    elif cmd == "strings":
        cmd_strings("--mixed" in rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
