'use strict';
// The transpile cache (transpile-cache.js) keeps one compiled file for every version
// of every source file it compiled, so its folder grows with each edit. Once a day
// (a marker file's time says when it last happened) the first process to load it
// deletes what has not been used for KEEP_DAYS; a use refreshes a file's time once
// it is REFRESH_DAYS old, so what a checkout still runs is never old.
const fs = require('node:fs');
const path = require('node:path');

const DAY = 86_400_000;
const KEEP_DAYS = 30;
const REFRESH_DAYS = 7;
const MARK = '.pruned';

/** Deletes the folder's files unused for KEEP_DAYS, at most once a day; returns how many. */
function pruneOnceADay(dir, now = Date.now()) {
  const mark = path.join(dir, MARK);
  try {
    if (now - fs.statSync(mark).mtimeMs < DAY) return 0;
  } catch {
    // never pruned yet
  }
  fs.writeFileSync(mark, '', { mode: 0o600 });
  fs.utimesSync(mark, now / 1000, now / 1000);
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (name === MARK) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > KEEP_DAYS * DAY) {
        fs.unlinkSync(file);
        removed++;
      }
    } catch {
      // taken by another process meanwhile
    }
  }
  return removed;
}

/** Reads a compiled file, refreshing its time when it is REFRESH_DAYS old (it is in use); throws when there is none. */
function readAndKeep(file, now = Date.now()) {
  const fd = fs.openSync(file, 'r');
  try {
    if (now - fs.fstatSync(fd).mtimeMs > REFRESH_DAYS * DAY) fs.futimesSync(fd, now / 1000, now / 1000);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { pruneOnceADay, readAndKeep, KEEP_DAYS, REFRESH_DAYS };
