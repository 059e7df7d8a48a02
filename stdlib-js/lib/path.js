// path: Node's `path` module - `posix` and `win32` implementations; module.exports is the
// flavour matching process.platform (posix on Linux), with `.posix` / `.win32` attached.
// Loaded by require('path') and by other builtins (fs, module loader, url, ...).
'use strict';

const {
  validateObject,
  validateString,
} = require('internal/errors');

const CHAR_DOT = '.';
const CHAR_FORWARD_SLASH = '/';
const CHAR_BACKWARD_SLASH = '\\';
const CHAR_COLON = ':';

const platformIsWin32 = () => typeof process !== 'undefined' && process.platform === 'win32';

function isPathSeparator(ch) {
  return ch === CHAR_FORWARD_SLASH || ch === CHAR_BACKWARD_SLASH;
}

function isPosixPathSeparator(ch) {
  return ch === CHAR_FORWARD_SLASH;
}

// A-Z / a-z (a possible drive letter).
function isWindowsDeviceRoot(ch) {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// Device names Windows reserves ("CON:", "COM1:", ...). Like Node, the name is whatever
// precedes the first ':' (when there is no colon, everything but the last character).
const WINDOWS_RESERVED_NAMES = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\xb9', 'COM\xb2', 'COM\xb3', 'LPT\xb9', 'LPT\xb2', 'LPT\xb3',
];

function isWindowsReservedName(path, colonIndex) {
  const devicePart = path.slice(0, colonIndex).toUpperCase();
  return WINDOWS_RESERVED_NAMES.includes(devicePart);
}

// Collapse "." / ".." segments and repeated separators of a path without its root.
function normalizeString(path, allowAboveRoot, separator, isSep) {
  let res = '';
  let lastSegmentLength = 0;
  let lastSlash = -1;
  let dots = 0;
  let ch;
  for (let i = 0; i <= path.length; ++i) {
    if (i < path.length) {
      ch = path[i];
    } else if (isSep(ch)) {
      break;
    } else {
      ch = CHAR_FORWARD_SLASH;
    }

    if (isSep(ch)) {
      if (lastSlash === i - 1 || dots === 1) {
        // Empty segment or ".": nothing to add.
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 ||
            res[res.length - 1] !== CHAR_DOT || res[res.length - 2] !== CHAR_DOT) {
          if (res.length > 2) {
            const lastSlashIndex = res.lastIndexOf(separator);
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf(separator);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? `${separator}..` : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) {
          res += `${separator}${path.slice(lastSlash + 1, i)}`;
        } else {
          res = path.slice(lastSlash + 1, i);
        }
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (ch === CHAR_DOT && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// Parse the UNC root of `path` ("\\server\share"), which starts with two separators.
// Returns { j, firstPart, last } describing how far the scan got:
//   stage 0: no server name; stage 1: server but no share; stage 2: server and share
//   (j = index after share name, last = start of share name).
function scanUNC(path) {
  const len = path.length;
  let j = 2;
  let last = j;
  while (j < len && !isPathSeparator(path[j])) j++;
  if (!(j < len && j !== last)) return { stage: 0 };
  const firstPart = path.slice(last, j);
  last = j;
  while (j < len && isPathSeparator(path[j])) j++;
  if (!(j < len && j !== last)) return { stage: 1 };
  last = j;
  while (j < len && !isPathSeparator(path[j])) j++;
  return { stage: 2, j, last, firstPart };
}

// ---------------------------------------------------------------------------
// win32

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        // Windows keeps a cwd per drive in the hidden env var "=X:"; fall back to the
        // process cwd, and to the drive root when that cwd is on another drive.
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path[2] === CHAR_BACKWARD_SLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }

      const len = path.length;
      let rootEnd = 0;
      let device = '';
      let isAbsolute = false;
      const ch = path[0];

      if (len === 1) {
        if (isPathSeparator(ch)) {
          rootEnd = 1;
          isAbsolute = true;
        }
      } else if (isPathSeparator(ch)) {
        isAbsolute = true;
        if (isPathSeparator(path[1])) {
          const unc = scanUNC(path);
          if (unc.stage === 2 && (unc.firstPart === '?' || unc.firstPart === '.')) {
            // Win32 device namespace ("\\?\C:\x", "\\.\pipe\x"): the root is "\\?" / "\\.".
            device = `\\\\${unc.firstPart}`;
            rootEnd = 4;
          } else if (unc.stage === 2 && (unc.j === len || unc.j !== unc.last)) {
            device = `\\\\${unc.firstPart}\\${path.slice(unc.last, unc.j)}`;
            rootEnd = unc.j;
          }
        } else {
          rootEnd = 1;
        }
      } else if (isWindowsDeviceRoot(ch) && path[1] === CHAR_COLON) {
        device = path.slice(0, 2);
        rootEnd = 2;
        if (len > 2 && isPathSeparator(path[2])) {
          isAbsolute = true;
          rootEnd = 3;
        }
      }

      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) {
            // A path on another drive: irrelevant.
            continue;
          }
        } else {
          resolvedDevice = device;
        }
      }

      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }

    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isPathSeparator);

    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = 0;
    let device;
    let isAbsolute = false;
    const ch = path[0];

    if (len === 1) {
      // A lone "/" becomes "\"; anything else stays.
      return isPosixPathSeparator(ch) ? '\\' : path;
    }
    if (isPathSeparator(ch)) {
      isAbsolute = true;
      if (isPathSeparator(path[1])) {
        const unc = scanUNC(path);
        if (unc.stage === 2 && (unc.firstPart === '?' || unc.firstPart === '.')) {
          // Win32 device namespace ("\\?\C:\x", "\\.\pipe\x"): the root is "\\?" / "\\.".
          device = `\\\\${unc.firstPart}`;
          rootEnd = 4;
        } else if (unc.stage === 2) {
          if (unc.j === len) {
            // Only a UNC root: "\\server\share" -> "\\server\share\".
            return `\\\\${unc.firstPart}\\${path.slice(unc.last)}\\`;
          }
          if (unc.j !== unc.last) {
            device = `\\\\${unc.firstPart}\\${path.slice(unc.last, unc.j)}`;
            rootEnd = unc.j;
          }
        }
      } else {
        rootEnd = 1;
      }
    } else {
      const colonIndex = path.indexOf(CHAR_COLON);
      if (colonIndex > 0) {
        if (isWindowsDeviceRoot(ch) && colonIndex === 1) {
          device = path.slice(0, 2);
          rootEnd = 2;
          if (len > 2 && isPathSeparator(path[2])) {
            isAbsolute = true;
            rootEnd = 3;
          }
        } else if (isWindowsReservedName(path, colonIndex)) {
          device = path.slice(0, colonIndex + 1);
          rootEnd = colonIndex + 1;
        }
      }
    }

    let tail = rootEnd < len ?
      normalizeString(path.slice(rootEnd), !isAbsolute, '\\', isPathSeparator) :
      '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isPathSeparator(path[len - 1])) tail += '\\';

    if (!isAbsolute && device === undefined && path.includes(':')) {
      // Keep a relative result from turning into something Windows would read as a drive
      // or stream path ("c:..." or "name:" segments): prefix it with ".\".
      if (tail.length >= 2 && isWindowsDeviceRoot(tail[0]) && tail[1] === CHAR_COLON) {
        return `.\\${tail}`;
      }
      let index = path.indexOf(':');
      do {
        if (index === len - 1 || isPathSeparator(path[index + 1])) {
          return `.\\${tail}`;
        }
      } while ((index = path.indexOf(':', index + 1)) !== -1);
    }
    const colonIndex = path.indexOf(':');
    if (isWindowsReservedName(path, colonIndex)) {
      return `.\\${device !== undefined ? device : ''}${tail}`;
    }
    if (device === undefined) {
      return isAbsolute ? `\\${tail}` : tail;
    }
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const ch = path[0];
    return isPathSeparator(ch) ||
      (len > 2 && isWindowsDeviceRoot(ch) && path[1] === CHAR_COLON && isPathSeparator(path[2]));
  },

  join(...args) {
    if (args.length === 0) return '.';

    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) {
          joined = firstPart = arg;
        } else {
          joined += `\\${arg}`;
        }
      }
    }

    if (joined === undefined) return '.';

    // Only keep a leading "\\" (UNC root) if the first non-empty argument itself started with
    // exactly two separators followed by something; otherwise collapse the leading run of
    // separators to one so normalize() does not mistake the result for a UNC path.
    let needsReplace = true;
    let slashCount = 0;
    if (isPathSeparator(firstPart[0])) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isPathSeparator(firstPart[1])) {
        ++slashCount;
        if (firstLen > 2) {
          if (isPathSeparator(firstPart[2])) {
            ++slashCount;
          } else {
            needsReplace = false;
          }
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isPathSeparator(joined[slashCount])) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }

    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');

    if (from === to) return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);

    if (fromOrig === toOrig) return '';

    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();

    if (from === to) return '';

    // Ignore leading and trailing backslashes.
    let fromStart = 0;
    while (fromStart < from.length && from[fromStart] === CHAR_BACKWARD_SLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from[fromEnd - 1] === CHAR_BACKWARD_SLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;

    let toStart = 0;
    while (toStart < to.length && to[toStart] === CHAR_BACKWARD_SLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to[toEnd - 1] === CHAR_BACKWARD_SLASH) toEnd--;
    const toLen = toEnd - toStart;

    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCh = from[fromStart + i];
      if (fromCh !== to[toStart + i]) break;
      else if (fromCh === CHAR_BACKWARD_SLASH) lastCommonSep = i;
    }

    if (i !== length) {
      // Nothing in common (different drives or UNC roots): the answer is the target.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (to[toStart + i] === CHAR_BACKWARD_SLASH) {
          // `from` is a directory prefix of `to`: "C:\foo\bar" -> "C:\foo\bar\baz".
          return toOrig.slice(toStart + i + 1);
        }
        if (i === 2) {
          // `from` is a drive root: "C:\" -> "C:\foo".
          return toOrig.slice(toStart + i);
        }
      }
      if (fromLen > length) {
        if (from[fromStart + i] === CHAR_BACKWARD_SLASH) {
          // `to` is a directory prefix of `from`.
          lastCommonSep = i;
        } else if (i === 2) {
          // `to` is a drive root.
          lastCommonSep = 3;
        }
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    let out = '';
    // One ".." for every segment of `from` after the common part.
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from[i] === CHAR_BACKWARD_SLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }

    toStart += lastCommonSep;

    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;

    if (toOrig[toStart] === CHAR_BACKWARD_SLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    // Non-strings and empty strings pass through untouched.
    if (typeof path !== 'string' || path.length === 0) return path;

    const resolvedPath = win32.resolve(path);

    if (resolvedPath.length <= 2) return path;

    if (resolvedPath[0] === CHAR_BACKWARD_SLASH) {
      // A UNC path?
      if (resolvedPath[1] === CHAR_BACKWARD_SLASH) {
        const ch = resolvedPath[2];
        if (ch !== '?' && ch !== CHAR_DOT) {
          // "\\server\share\x" -> "\\?\UNC\server\share\x"
          return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
        }
      }
    } else if (isWindowsDeviceRoot(resolvedPath[0]) && resolvedPath[1] === CHAR_COLON &&
               resolvedPath[2] === CHAR_BACKWARD_SLASH) {
      // "C:\x" -> "\\?\C:\x"
      return `\\\\?\\${resolvedPath}`;
    }

    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = -1;
    let offset = 0;
    const ch = path[0];

    if (len === 1) {
      // A lone separator is its own dirname; anything else lives in ".".
      return isPathSeparator(ch) ? path : '.';
    }

    if (isPathSeparator(ch)) {
      rootEnd = offset = 1;
      if (isPathSeparator(path[1])) {
        const unc = scanUNC(path);
        if (unc.stage === 2) {
          if (unc.j === len) return path; // Only a UNC root.
          if (unc.j !== unc.last) rootEnd = offset = unc.j + 1;
        }
      }
    } else if (isWindowsDeviceRoot(ch) && path[1] === CHAR_COLON) {
      rootEnd = len > 2 && isPathSeparator(path[2]) ? 3 : 2;
      offset = rootEnd;
    }

    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isPathSeparator(path[i])) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }

    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    // Skip a drive letter.
    if (path.length >= 2 && isWindowsDeviceRoot(path[0]) && path[1] === CHAR_COLON) start = 2;
    return basenameImpl(path, suffix, start, isPathSeparator);
  },

  extname(path) {
    validateString(path, 'path');
    let start = 0;
    // Skip a drive letter.
    if (path.length >= 2 && path[1] === CHAR_COLON && isWindowsDeviceRoot(path[0])) start = 2;
    return extnameImpl(path, start, isPathSeparator);
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');

    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;

    const len = path.length;
    let rootEnd = 0;
    const ch = path[0];

    if (len === 1) {
      if (isPathSeparator(ch)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }

    if (isPathSeparator(ch)) {
      rootEnd = 1;
      if (isPathSeparator(path[1])) {
        const unc = scanUNC(path);
        if (unc.stage === 2) {
          if (unc.j === len) rootEnd = unc.j; // Only a UNC root.
          else if (unc.j !== unc.last) rootEnd = unc.j + 1;
        }
      }
    } else if (isWindowsDeviceRoot(ch) && path[1] === CHAR_COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isPathSeparator(path[2])) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);

    const parts = splitBaseParts(path, rootEnd, isPathSeparator, rootEnd);
    if (parts.end !== -1) {
      if (parts.noExt) {
        ret.base = ret.name = path.slice(parts.startPart, parts.end);
      } else {
        ret.name = path.slice(parts.startPart, parts.startDot);
        ret.base = path.slice(parts.startPart, parts.end);
        ret.ext = path.slice(parts.startDot, parts.end);
      }
    }

    if (parts.startPart > 0 && parts.startPart !== rootEnd) {
      ret.dir = path.slice(0, parts.startPart - 1);
    } else {
      ret.dir = ret.root;
    }

    return ret;
  },

  matchesGlob(path, pattern) {
    return globMatch(path, pattern, true);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

// Scan the last path component (from the end down to `floor`) for the extension dot.
// Returns { startPart, startDot, end, noExt }.
function splitBaseParts(path, floor, isSep, initialStartPart) {
  let startDot = -1;
  let startPart = initialStartPart;
  let end = -1;
  let matchedSlash = true;
  // preDotState: 0 = no non-dot char seen before the dot yet, 1 = only dots, -1 = other chars.
  let preDotState = 0;
  for (let i = path.length - 1; i >= floor; --i) {
    const ch = path[i];
    if (isSep(ch)) {
      // Trailing separators are skipped; the first one before the name ends the scan.
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (ch === CHAR_DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const noExt = startDot === -1 ||
    // A name consisting only of dots, or one dot at the very start ("..", ".profile").
    preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, startDot, end, noExt };
}

function extnameImpl(path, start, isSep) {
  let startDot = -1;
  let startPart = start;
  let end = -1;
  let matchedSlash = true;
  let preDotState = 0;
  for (let i = path.length - 1; i >= start; --i) {
    const ch = path[i];
    if (isSep(ch)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (ch === CHAR_DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }

  if (startDot === -1 ||
      end === -1 ||
      preDotState === 0 ||
      (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
    return '';
  }
  return path.slice(startDot, end);
}

function basenameImpl(path, suffix, start, isSep) {
  let end = -1;
  let matchedSlash = true;

  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= start; --i) {
      const ch = path[i];
      if (isSep(ch)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else {
        if (firstNonSlashEnd === -1) {
          // First non-separator from the end: the name ends here unless the suffix matches.
          matchedSlash = false;
          firstNonSlashEnd = i + 1;
        }
        if (extIdx >= 0) {
          // Try to match the suffix backwards.
          if (ch === suffix[extIdx]) {
            if (--extIdx === -1) end = i;
          } else {
            // Mismatch: the suffix is not stripped.
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }

    if (start === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }

  for (let i = path.length - 1; i >= start; --i) {
    if (isSep(path[i])) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }

  if (end === -1) return '';
  return path.slice(start, end);
}

// ---------------------------------------------------------------------------
// posix

const posix = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      if (i >= 0) validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path[0] === CHAR_FORWARD_SLASH;
    }

    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, '/', isPosixPathSeparator);

    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');

    if (path.length === 0) return '.';

    const isAbsolute = path[0] === CHAR_FORWARD_SLASH;
    const trailingSeparator = path[path.length - 1] === CHAR_FORWARD_SLASH;

    path = normalizeString(path, !isAbsolute, '/', isPosixPathSeparator);

    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';

    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path[0] === CHAR_FORWARD_SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = arg;
        else joined += `/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');

    if (from === to) return '';

    from = posix.resolve(from);
    to = posix.resolve(to);

    if (from === to) return '';

    const fromStart = 1;
    const fromEnd = from.length;
    const fromLen = fromEnd - fromStart;
    const toStart = 1;
    const toLen = to.length - toStart;

    const length = (fromLen < toLen ? fromLen : toLen);
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCh = from[fromStart + i];
      if (fromCh !== to[toStart + i]) break;
      else if (fromCh === CHAR_FORWARD_SLASH) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (to[toStart + i] === CHAR_FORWARD_SLASH) {
          // `from` is a directory prefix of `to`: "/foo/bar" -> "/foo/bar/baz".
          return to.slice(toStart + i + 1);
        }
        if (i === 0) {
          // `from` is the root.
          return to.slice(toStart + i);
        }
      } else if (fromLen > length) {
        if (from[fromStart + i] === CHAR_FORWARD_SLASH) {
          // `to` is a directory prefix of `from`.
          lastCommonSep = i;
        } else if (i === 0) {
          // `to` is the root.
          lastCommonSep = 0;
        }
      }
    }

    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from[i] === CHAR_FORWARD_SLASH) {
        out += out.length === 0 ? '..' : '/..';
      }
    }

    return `${out}${to.slice(toStart + lastCommonSep)}`;
  },

  toNamespacedPath(path) {
    // Nothing to do on POSIX.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path[0] === CHAR_FORWARD_SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path[i] === CHAR_FORWARD_SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }

    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, suffix, 0, isPosixPathSeparator);
  },

  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, 0, isPosixPathSeparator);
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');

    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = path[0] === CHAR_FORWARD_SLASH;
    let floor;
    if (isAbsolute) {
      ret.root = '/';
      floor = 1;
    } else {
      floor = 0;
    }
    const parts = splitBaseParts(path, floor, isPosixPathSeparator, 0);
    const startPart = parts.startPart;

    if (parts.end !== -1) {
      const start = startPart === 0 && isAbsolute ? 1 : startPart;
      if (parts.noExt) {
        ret.base = ret.name = path.slice(start, parts.end);
      } else {
        ret.name = path.slice(start, parts.startDot);
        ret.base = path.slice(start, parts.end);
        ret.ext = path.slice(parts.startDot, parts.end);
      }
    }

    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (isAbsolute) ret.dir = '/';

    return ret;
  },

  matchesGlob(path, pattern) {
    return globMatch(path, pattern, false);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// ---------------------------------------------------------------------------
// matchesGlob: a self-contained glob matcher (minimatch-like subset): `*`, `**`, `?`,
// `[...]` / `[!...]` classes, `{a,b}` alternatives, `\` escapes (posix only).
// Dot-files are matched only by patterns whose segment starts with '.'.

let globWarned = false;

function globMatch(path, pattern, windows) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  if (!globWarned) {
    globWarned = true;
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
      process.emitWarning('glob is an experimental feature and might change at any time',
                          'ExperimentalWarning');
    }
  }
  const splitRe = windows ? /[\\/]+/ : /\/+/;
  const pathSegs = path.split(splitRe);
  for (const alt of expandBraces(pattern)) {
    const patSegs = windows ? alt.split(/[\\/]+/) : splitPatternSegments(alt);
    if (matchSegments(patSegs, 0, pathSegs, 0, windows)) return true;
  }
  return false;
}

// Split on '/' that are not escaped.
function splitPatternSegments(pattern) {
  const segs = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      cur += ch + pattern[++i];
    } else if (ch === '/') {
      if (cur !== '' || segs.length === 0) segs.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  segs.push(cur);
  return segs;
}

function expandBraces(pattern) {
  // Find the first top-level {...} containing a comma (or a numeric range).
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(open + 1, i);
        const options = splitTopLevelCommas(body);
        const pre = pattern.slice(0, open);
        const post = pattern.slice(i + 1);
        let alts = null;
        if (options.length > 1) {
          alts = options;
        } else {
          const range = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
          if (range) {
            alts = [];
            const a = Number(range[1]);
            const b = Number(range[2]);
            const step = a <= b ? 1 : -1;
            for (let n = a; step > 0 ? n <= b : n >= b; n += step) alts.push(String(n));
          }
        }
        if (alts === null) {
          // Not an expansion: keep the braces literally and continue after them.
          return expandBraces(post).map((rest) => `${pre}{${body}}${rest}`);
        }
        const out = [];
        for (const alt of alts) {
          for (const expanded of expandBraces(`${pre}${alt}${post}`)) out.push(expanded);
        }
        return out;
      }
    }
  }
  return [pattern];
}

function splitTopLevelCommas(body) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      cur += ch + body[++i];
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

function matchSegments(pat, pi, segs, si, windows) {
  while (pi < pat.length) {
    const p = pat[pi];
    if (p === '**') {
      // Collapse consecutive globstars.
      while (pi + 1 < pat.length && pat[pi + 1] === '**') pi++;
      if (pi === pat.length - 1) {
        // Trailing globstar: matches the rest unless a segment is a dot-file / "..".
        for (let k = si; k < segs.length; k++) {
          if (segs[k].startsWith('.') && !(k === segs.length - 1 && segs[k] === '')) return false;
        }
        return true;
      }
      for (let k = si; k <= segs.length; k++) {
        if (matchSegments(pat, pi + 1, segs, k, windows)) return true;
        if (k < segs.length && segs[k].startsWith('.')) return false;
      }
      return false;
    }
    if (si >= segs.length) {
      return false;
    }
    if (!matchSegment(p, segs[si], windows)) return false;
    pi++;
    si++;
  }
  // Allow a trailing empty segment (path ending in a separator).
  return si === segs.length || (si === segs.length - 1 && segs[si] === '');
}

const segmentCache = new Map();

function matchSegment(p, s, windows) {
  const key = `${windows ? 'w' : 'p'}${p}`;
  let re = segmentCache.get(key);
  if (re === undefined) {
    re = segmentToRegExp(p, windows);
    if (segmentCache.size > 1000) segmentCache.clear();
    segmentCache.set(key, re);
  }
  if (s.startsWith('.') && !p.startsWith('.')) {
    return false;
  }
  return re.test(s);
}

function escapeRegExp(ch) {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

function segmentToRegExp(p, windows) {
  let src = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\' && !windows && i + 1 < p.length) {
      src += escapeRegExp(p[++i]);
    } else if (ch === '*') {
      while (p[i + 1] === '*') i++;
      src += '[^/]*';
    } else if (ch === '?') {
      src += '[^/]';
    } else if (ch === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) {
        src += '\\[';
        continue;
      }
      let body = p.slice(i + 1, close);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      body = body.replace(/[\\\]^]/g, (c) => `\\${c}`);
      src += negate ? `[^/${body}]` : `[${body}]`;
      i = close;
    } else {
      src += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${src}$`);
}

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Legacy alias kept by Node.
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = platformIsWin32() ? win32 : posix;
