#!/usr/bin/env python3
"""Runs Node's own test/parallel files against Eddy and prints a table per area.

Layout: a scratch copy of ../shared/node-test (test/parallel, test/fixtures) with our own
`common` helper copied to test/common, as Node's runner lays its tree out. Each file runs from
the scratch root as `eddy [its // Flags:] test/parallel/test-x.js`, with a per-file timeout.

A file passes when it exits 0 *and* the common helper's 'exit' checks ran to the end (every
mustCall count verified, nothing skipped): the helper marks the file open on the descriptor
EDDY_NODE_TEST_MARKER_FD names 'loaded' when it is required and 'checked' only then. A test that loaded
the helper and exits early without running its checks fails; one that never loads it (a few
don't) passes on its exit code alone.

Runnable = does not reach into Node's internals (MANIFEST.tsv), its flags are accepted by the
binary (probed once per flag set: exit code 9 is Node's "bad option"), and it passes on the
installed `node` (tests/node/node-fails.txt lists the few v20.11.1 files that fail on today's v20).

Usage:
  run.py [FILE|GLOB ...] [--area A ...] [--all] [--list passing.txt]
         [--check passing.txt] [--update passing.txt] [--jobs N] [--timeout S]
         [--binary PATH] [--verbose] [--quiet]

  --check F   run the files listed in F; exit 1 if any of them fails (CI's regression gate)
  --update F  add every file that passed in this run to F (the list only grows)
"""

import argparse
import concurrent.futures
import fcntl
import fnmatch
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
BAD_OPTION_EXIT = 9
TEST_IDS = itertools.count()

# The areas of the core modules (`--core`): MANIFEST areas, i.e. the word after `test-`.
CORE_AREAS = '''
    assert buffer console event events eventemitter eventtarget nodeeventtarget os path
    querystring string url whatwg util timers timer module require process readline vm async
    asyncresource diagnostics v8 perf performance performanceobserver global queue microtask
    structuredClone-global domexception broadcastchannel messagechannel messageport
    messageevent messaging navigator next tick abortcontroller abortsignal aborted
'''.split()


def read_manifest(shared):
    rows = {}
    with open(os.path.join(shared, 'MANIFEST.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            cols = dict(zip(header, line.rstrip('\n').split('\t')))
            name = os.path.basename(cols['file'])
            rows[name] = {
                'file': cols['file'],
                'area': cols.get('area', ''),
                'flags': cols.get('flags', '').split(),
                'internals': cols.get('internals', 'no') == 'yes',
            }
    return rows


def read_list(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [line.split('#')[0].strip() for line in f if line.split('#')[0].strip()]


def lay_out_scratch(shared, scratch):
    """Copy the tests once (kept between runs), and refresh our common helper every run."""
    stamp = os.path.join(scratch, '.manifest')
    manifest = os.path.join(shared, 'MANIFEST.tsv')
    want = open(manifest, 'rb').read()
    if not (os.path.exists(stamp) and open(stamp, 'rb').read() == want):
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(os.path.join(scratch, 'test'))
        for sub in ('parallel', 'fixtures'):
            src = os.path.join(shared, 'test', sub)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(scratch, 'test', sub), symlinks=True)
        # The shared copy is read-only; tests may write next to their fixtures' parents.
        for dirpath, dirnames, filenames in os.walk(os.path.join(scratch, 'test')):
            for name in dirnames + filenames:
                p = os.path.join(dirpath, name)
                if not os.path.islink(p):
                    os.chmod(p, os.stat(p).st_mode | 0o200)
        with open(stamp, 'wb') as f:
            f.write(want)
    # Several runs may share the scratch copy at once: replace changed files one by one
    # (atomically) rather than deleting the folder under a run that is using it.
    src = os.path.join(HERE, 'common')
    common = os.path.join(scratch, 'test', 'common')
    for dirpath, _, filenames in os.walk(src):
        out_dir = os.path.join(common, os.path.relpath(dirpath, src))
        os.makedirs(out_dir, exist_ok=True)
        for name in filenames:
            data = open(os.path.join(dirpath, name), 'rb').read()
            out = os.path.join(out_dir, name)
            if os.path.exists(out) and open(out, 'rb').read() == data:
                continue
            tmp = f'{out}.{os.getpid()}.tmp'
            with open(tmp, 'wb') as f:
                f.write(data)
            os.replace(tmp, out)


def flags_supported(binary, flags, scratch, cache):
    key = tuple(flags)
    if key not in cache:
        if not flags:
            cache[key] = True
        else:
            try:
                r = subprocess.run([binary, *flags, '-e', '0'], cwd=scratch, capture_output=True,
                                   timeout=30, stdin=subprocess.DEVNULL)
                cache[key] = r.returncode != BAD_OPTION_EXIT
            except (subprocess.TimeoutExpired, OSError):
                cache[key] = False
    return cache[key]


def run_one(binary, scratch, row, timeout):
    # The helper writes through a descriptor opened here, not by path: the permission model
    # (--experimental-permission) denies writes by path but never checks a write to an open fd,
    # and a test that drops its privileges (seteuid to nobody) can still write it. The number is
    # high (>= 100) so it does not take the fd numbers a test expects to get. Empty = never loaded.
    marker_fd, marker = tempfile.mkstemp(prefix='eddy-node-test-marker.')
    child_fd = fcntl.fcntl(marker_fd, fcntl.F_DUPFD_CLOEXEC, 100)
    os.close(marker_fd)
    env = dict(os.environ)
    env['EDDY_NODE_TEST_MARKER_FD'] = str(child_fd)
    # Names the test's tmpdir (common/tmpdir.js), shared with the processes the test spawns.
    env['TEST_THREAD_ID'] = f'{os.getpid()}{next(TEST_IDS):05d}'
    env.pop('NODE_OPTIONS', None)
    start = time.monotonic()
    cmd = [binary, *row['flags'], os.path.join('test', row['file'])]
    try:
        p = subprocess.run(cmd, cwd=scratch, capture_output=True, timeout=timeout, env=env,
                           stdin=subprocess.DEVNULL, start_new_session=True, pass_fds=(child_fd,))
        code, out = p.returncode, (p.stdout + p.stderr).decode('utf-8', 'replace')
    except subprocess.TimeoutExpired as e:
        code = 'timeout'
        out = ((e.stdout or b'') + (e.stderr or b'')).decode('utf-8', 'replace')
    finally:
        os.close(child_fd)
    elapsed = time.monotonic() - start
    status = 'fail'
    reason = f'exit {code}'
    if code == 0:
        text = open(marker, encoding='utf-8').read() if os.path.exists(marker) else ''
        if text:
            if text.startswith('checked'):
                status, reason = 'pass', ''
            elif text == 'loaded':
                reason = 'exit checks did not run'
            else:
                reason = text
        else:
            # The test never loaded the common helper: it has no checks to run.
            status, reason = 'pass', ''
    try:
        os.unlink(marker)
    except FileNotFoundError:
        pass
    return status, reason, out, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='*', help='test file names or globs (test-buffer-*.js)')
    ap.add_argument('--area', action='append', default=[], help='a MANIFEST area (repeatable)')
    ap.add_argument('--all', action='store_true', help='every file in the manifest')
    ap.add_argument('--core', action='store_true', help='the core-module areas (CORE_AREAS)')
    ap.add_argument('--list', help='run the files named in this file')
    ap.add_argument('--check', help='run this list and fail on any file that does not pass')
    ap.add_argument('--update', help='add the files that passed to this list')
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared', 'node-test'))
    ap.add_argument('--scratch', default=os.path.join(ROOT, 'target', 'node-test'))
    ap.add_argument('--binary', default=os.environ.get('EDDY', os.path.join(ROOT, 'target', 'release', 'eddy')))
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--verbose', '-v', action='store_true', help='print the output of failures')
    ap.add_argument('--quiet', '-q', action='store_true', help='print only failures and the table')
    args = ap.parse_args()

    shared = os.path.abspath(args.shared)
    if not os.path.isfile(os.path.join(shared, 'MANIFEST.tsv')):
        print(f'node tests: {shared} not found; skipping')
        return 0
    binary = shutil.which(args.binary) or os.path.abspath(args.binary)
    manifest = read_manifest(shared)
    node_fails = set(read_list(os.path.join(HERE, 'node-fails.txt')))

    names = []
    if args.all:
        names += sorted(manifest)
    for area in args.area + (CORE_AREAS if args.core else []):
        names += sorted(n for n, r in manifest.items() if r['area'] == area)
    for listed in (args.list, args.check):
        if listed:
            names += read_list(listed)
    for pattern in args.files:
        pattern = os.path.basename(pattern)
        hits = sorted(n for n in manifest if fnmatch.fnmatch(n, pattern))
        if not hits:
            print(f'no test matches {pattern}', file=sys.stderr)
            return 2
        names += hits
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in manifest]
    if unknown:
        print('not in the manifest: ' + ', '.join(unknown), file=sys.stderr)
        return 2
    if not names:
        ap.print_usage()
        return 2

    lay_out_scratch(shared, os.path.abspath(args.scratch))
    scratch = os.path.abspath(args.scratch)

    flag_cache = {}
    results = {}
    runnable = []
    for n in names:
        row = manifest[n]
        if row['internals']:
            results[n] = ('skip', 'uses internals')
        elif n in node_fails:
            results[n] = ('skip', 'fails on node too')
        elif not flags_supported(binary, row['flags'], scratch, flag_cache):
            results[n] = ('skip', 'unsupported flags ' + ' '.join(row['flags']))
        else:
            runnable.append(n)

    outputs = {}
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futures = {ex.submit(run_one, binary, scratch, manifest[n], args.timeout): n for n in runnable}
        for fut in concurrent.futures.as_completed(futures):
            n = futures[fut]
            status, reason, out, elapsed = fut.result()
            results[n] = (status, reason)
            outputs[n] = out
            if status == 'pass':
                if not args.quiet:
                    print(f'PASS {n} ({elapsed:.1f}s)', flush=True)
            else:
                print(f'FAIL {n} ({reason}, {elapsed:.1f}s)', flush=True)
                if args.verbose:
                    for line in out.splitlines()[:30]:
                        print('    ' + line)

    # The table per area: files, runnable, passing.
    areas = {}
    for n in names:
        a = manifest[n]['area']
        files, run, ok = areas.get(a, (0, 0, 0))
        status = results[n][0]
        areas[a] = (files + 1, run + (status != 'skip'), ok + (status == 'pass'))
    print()
    print(f'{"area":<22}{"files":>7}{"runnable":>10}{"passing":>9}')
    totals = [0, 0, 0]
    for a in sorted(areas):
        f, r, p = areas[a]
        totals = [totals[0] + f, totals[1] + r, totals[2] + p]
        print(f'{a:<22}{f:>7}{r:>10}{p:>9}')
    print(f'{"total":<22}{totals[0]:>7}{totals[1]:>10}{totals[2]:>9}')
    failed = sum(1 for s, _ in results.values() if s == 'fail')
    skipped = sum(1 for s, _ in results.values() if s == 'skip')
    print(f'({time.monotonic() - started:.0f}s)')
    # The summary alone on the last line, in the form CI reads ("N passed, N failed").
    print(f'node-tests: {totals[2]} passed, {failed} failed, {skipped} skipped')

    if args.update:
        have = set(read_list(args.update))
        have |= {n for n, (s, _) in results.items() if s == 'pass'}
        with open(args.update, 'w', encoding='utf-8') as f:
            f.write('# Node test/parallel files that pass on Eddy (tests/node/run.py --check).\n')
            f.write('# Only ever add to this list; a file that stops passing is a regression.\n')
            for n in sorted(have):
                f.write(n + '\n')

    if args.check:
        regressions = [n for n in read_list(args.check) if results.get(n, ('fail',))[0] != 'pass']
        if regressions:
            print(f'\n{len(regressions)} regression(s) against {args.check}:')
            for n in regressions:
                # A file added to the list while this run went on was not run at all.
                print(f'  {n}: {results.get(n, (None, "not run"))[1]}')
                for line in outputs.get(n, '').splitlines()[:20]:
                    print('      ' + line)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
