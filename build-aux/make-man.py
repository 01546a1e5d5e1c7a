#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the manual pages arx(1) and article-explorer(1) from data/man/pages.txt.

  make-man.py SOURCE OUTDIR VERSION [ARX]

The source holds both pages in a small markup (its header explains it). With ARX, the
"@commands" line of a page becomes one entry per command of `ARX --help`, each with the
options of `ARX COMMAND --help`, so the page lists exactly what the program offers."""

import os
import re
import subprocess
import sys

MONTHS = ('January February March April May June July August September October November '
          'December').split()


def escape(text):
    text = text.replace('\\', '\\e').replace('-', '\\-')
    return text


def inline(text):
    """**bold**, _italic_ and `literal` (bold) in roff."""
    out = []
    for part in re.split(r'(\*\*[^*]+\*\*|(?<![\w])_[^_]+_(?![\w])|`[^`]+`)', text):
        if part.startswith('**') and part.endswith('**') and len(part) > 4:
            out.append('\\fB' + escape(part[2:-2]) + '\\fR')
        elif part.startswith('`') and part.endswith('`') and len(part) > 2:
            out.append('\\fB' + escape(part[1:-1]) + '\\fR')
        elif part.startswith('_') and part.endswith('_') and len(part) > 2:
            out.append('\\fI' + escape(part[1:-1]) + '\\fR')
        else:
            out.append(escape(part))
    line = ''.join(out)
    # a line starting with . or ' would be a roff request
    return '\\&' + line if line[:1] in ('.', "'") else line


def run_help(arx, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C')
    result = subprocess.run([arx, *args, '--help'], capture_output=True, text=True, env=env)
    return result.stdout + result.stderr


def command_lines(arx):
    """roff for every command that `arx --help` lists, with its own options."""
    lines = []
    in_commands = False
    for line in run_help(arx).splitlines():
        if line.startswith('Commands:'):
            in_commands = True
            continue
        if in_commands and not line.startswith('  '):
            break
        if not in_commands:
            continue
        m = re.match(r'\s+(\S+)\s+(.*?)\s{2,}(\S.*)$', line) or re.match(r'\s+(\S+)\s+()(\S.*)$', line)
        if m is None:
            continue
        name, synopsis, summary = m.groups()
        lines.append('.TP')
        lines.append('\\fB' + escape(name) + '\\fR' + (' ' + escape(synopsis) if synopsis else ''))
        lines.append(escape(summary[0].upper() + summary[1:]) + '.')
        options = []
        text = run_help(arx, name)
        for opt in text.splitlines():
            om = re.match(r'\s+(-\S.*?)\s{2,}(\S.*)$', opt)
            if om and not om.group(1).startswith(('-h, --help', '--help')):
                options.append(om.groups())
        if 'Help Options:' not in text:
            # a command with its own help text (subcommands): shown as it prints it
            body = [l for l in text.splitlines()[1:]]
            while body and not body[0].strip():
                body.pop(0)
            if body:
                lines.extend(['.RS', '.nf'] + [escape(l) if l.strip() else '' for l in body]
                             + ['.fi', '.RE'])
        for flag, text in options:
            lines.append('.RS')
            lines.append('.TP')
            lines.append('\\fB' + escape(flag) + '\\fR')
            lines.append(escape(text))
            lines.append('.RE')
    return lines


def parse(source):
    """Pages and shared sections: {name: (section, summary, [lines])}, {name: [lines]}."""
    pages, shared = {}, {}
    current = None
    for raw in open(source, encoding='utf-8'):
        line = raw.rstrip('\n')
        if line.startswith('#'):
            continue
        m = re.match(r'@page (\S+) (\d) "(.*)"$', line)
        if m:
            current = pages.setdefault(m.group(1), (m.group(2), m.group(3), []))[2]
            continue
        m = re.match(r'@shared (.+)$', line)
        if m:
            current = shared.setdefault(m.group(1), [])
            continue
        if current is None:
            if line.strip():
                sys.exit(f'{source}: text before the first @page: {line}')
            continue
        current.append(line)
    return pages, shared


def render(name, section, summary, body, shared, version, date, arx):
    out = [f'.TH {name.upper()} {section} "{date}" "Article Explorer {version}" "User Commands"',
           '.SH NAME', f'{escape(name)} \\- {escape(summary)}']
    paragraph = []

    def flush():
        if paragraph:
            out.append(inline(' '.join(paragraph)))
            paragraph.clear()

    def emit(lines):
        for line in lines:
            if line.startswith('@include '):
                flush()
                emit(shared[line[len('@include '):]])
            elif line.startswith('@section '):
                flush()
                out.append('.SH ' + line[len('@section '):].upper())
            elif line.startswith('@item '):
                flush()
                out.extend(['.TP', inline(line[len('@item '):])])
            elif line.startswith('@example'):
                flush()
                out.append('.PP')
            elif line.startswith('    '):
                flush()
                out.extend(['.nf', '.RS 4', inline(line[4:]), '.RE', '.fi'])
            elif line == '@commands':
                flush()
                if arx is None:
                    sys.exit('@commands needs the arx program')
                out.extend(command_lines(arx))
            elif not line.strip():
                flush()
                if out[-1] not in ('.PP',) and not out[-1].startswith(('.SH', '.TP')):
                    out.append('.PP')
            else:
                paragraph.append(line.strip())
        flush()

    emit(body)
    return '\n'.join(out) + '\n'


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    source, outdir, version = sys.argv[1:4]
    arx = sys.argv[4] if len(sys.argv) == 5 else None
    # reproducible: the date of the source's last change, not of the build
    stamp = int(os.environ.get('SOURCE_DATE_EPOCH', os.path.getmtime(source)))
    import time
    t = time.gmtime(stamp)
    date = f'{MONTHS[t.tm_mon - 1]} {t.tm_year}'
    pages, shared = parse(source)
    for name, (section, summary, body) in pages.items():
        with open(os.path.join(outdir, f'{name}.{section}'), 'w', encoding='utf-8') as f:
            f.write(render(name, section, summary, body, shared, version, date, arx))


if __name__ == '__main__':
    main()
