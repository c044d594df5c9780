#!/usr/bin/env python3
"""Variants of a dump of the generated code (`--dump DIR N`), each with one part deleted, to bound what a cut of the
output could gain before the generator is changed: compile them with `--compile-dir` (in process) or build them with
`--build-time --sizes N --sources DIR,DIR` (the whole build). docs/performance.md, "What the generated code costs the
build", has what each measured.

usage: output-variants.py DUMP OUT     (writes OUT/<variant>/*.cs for every variant below)

The deletions are text edits that rely on the emitter's layout (a converter class is the nested block from its
"Reads and writes" summary to the closing brace at four spaces); a variant that no longer compiles says so in
--compile-dir.
"""
import os, re, sys

conv_attr = re.compile(r'^\[global::System\.Text\.Json\.Serialization\.JsonConverter\(typeof\([^)]*\)\)\]\n', re.M)
conv_ref = re.compile(r'global::[\w.]+\.JsonConverter\.(ReadValue|WriteValue)')
lam = re.compile(r'static o => ref o\._\w+')

def no_converters(t):
    t = conv_attr.sub('', t)
    lines = t.split('\n'); res = []; i = 0
    while i < len(lines):
        l = lines[i]
        if l.startswith('    /// <summary>Reads and writes ') and 'class JsonConverter' in lines[i + 2]:
            j = i + 3
            while lines[j] != '    }':
                j += 1
            i = j + 1
            # drop the blank line left before the class's closing brace
            if res and res[-1] == '':
                res.pop()
            continue
        res.append(l); i += 1
    t = '\n'.join(res)
    return conv_ref.sub('null!', t)

def no_docs(t):
    return '\n'.join(l for l in t.split('\n') if not l.lstrip().startswith('///'))

def no_with_response(t):
    lines = t.split('\n'); res = []; i = 0
    while i < len(lines):
        l = lines[i]
        if 'WithResponseAsync(' in l and l.rstrip().endswith(');') and l.startswith('    global::'):
            # interface member and its one-line doc
            if res and res[-1].lstrip().startswith('/// <summary>As '):
                res.pop()
            if res and res[-1] == '' and i + 1 < len(lines) and lines[i + 1] == '':
                i += 2; continue
            i += 1; continue
        if l.startswith('    public ') and 'WithResponseAsync(' in l and l.rstrip().endswith('=>'):
            if res and res[-1].strip() == '/// <inheritdoc/>':
                res.pop()
            i += 2
            if i < len(lines) and lines[i] == '' and res and res[-1] == '':
                i += 1
            continue
        res.append(l); i += 1
    return '\n'.join(res)

def noentries(t):
    # drop every entry line of a table: lines that start with an entry call inside a table initializer
    lines = t.split('\n'); res = []
    for l in lines:
        s = l.strip()
        if re.match(r'(Value|Ref|Struct|ThreeStateRef|ThreeStateValue)\("', s):
            if s.endswith('));'):
                # last entry: close the table on the previous line
                res[-1] = res[-1].rstrip(',') + ');'
            continue
        res.append(l)
    return '\n'.join(res)

def notable(t):
    t = re.sub(r'\n        private static readonly (Enum)?Table s_table = new\([^\n]*\);\n', '\n', t)
    t = t.replace('=> s_table.Read(ref reader);', '=> throw null!;').replace('=> s_table.Write(writer, value);', '=> throw null!;')
    return t

def plainnested(t):
    t = notable(t)
    t = re.sub(r'(class JsonConverter) : global::EndpointGen\.Runtime\.GeneratedJsonConverter<[^>\n]*>', r'\1', t)
    t = t.replace('        public JsonConverter() : base(ReadValue, WriteValue) { }\n', '')
    return t


def nolambda(t):
    return lam.sub('null!', t)


VARIANTS = {
    'asis': lambda t: t,
    'noconverters': no_converters,
    'nodocs': no_docs,
    'noconverters-nodocs': lambda t: no_docs(no_converters(t)),
    'nowithresponse': no_with_response,
    'nolambda': nolambda,
    'noentries': noentries,
    'notable': lambda t: notable(noentries(t)),
    'plainnested': lambda t: plainnested(noentries(t)),
}


def main():
    src, out = sys.argv[1], sys.argv[2]
    for name, edit in VARIANTS.items():
        directory = os.path.join(out, name)
        os.makedirs(directory, exist_ok=True)
        total = 0
        for file in sorted(os.listdir(src)):
            if not file.endswith('.cs'):
                continue
            text = edit(open(os.path.join(src, file)).read())
            total += len(text.encode())
            open(os.path.join(directory, file), 'w').write(text)
        print(name, total, 'bytes')


if __name__ == '__main__':
    main()
