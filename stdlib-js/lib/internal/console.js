// internal/console: Node's Console class plus createGlobalConsole(stdout, stderr), which builds
// the object installed as globalThis.console. Loaded lazily by internal/bootstrap/node (the
// `console` global getter) and re-exported through the public `console` builtin.
'use strict';

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
  validateArray,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/errors');

const inspectModule = require('internal/util/inspect');
const { inspect, formatWithOptions } = inspectModule;

const nativeBinding = typeof binding === 'object' && binding !== null ? binding : {};

// ---------------------------------------------------------------------------
// String width (terminal columns), as Node computes it with ICU: control characters,
// combining marks and format characters take no room, East Asian Wide/Fullwidth characters
// (and emoji presentation characters) take two. Ranges are inclusive [start, end] pairs.

const kZeroWidthRanges = [
  0x0, 0x1f, 0x7f, 0x9f, 0x300, 0x36f, 0x483, 0x489, 0x591, 0x5bd, 0x5bf, 0x5bf, 0x5c1, 0x5c2,
  0x5c4, 0x5c5, 0x5c7, 0x5c7, 0x600, 0x605, 0x610, 0x61a, 0x61c, 0x61c, 0x64b, 0x65f, 0x670,
  0x670, 0x6d6, 0x6dd, 0x6df, 0x6e4, 0x6e7, 0x6e8, 0x6ea, 0x6ed, 0x70f, 0x70f, 0x711, 0x711,
  0x730, 0x74a, 0x7a6, 0x7b0, 0x7eb, 0x7f3, 0x7fd, 0x7fd, 0x816, 0x819, 0x81b, 0x823, 0x825,
  0x827, 0x829, 0x82d, 0x859, 0x85b, 0x890, 0x891, 0x897, 0x89f, 0x8ca, 0x902, 0x93a, 0x93a,
  0x93c, 0x93c, 0x941, 0x948, 0x94d, 0x94d, 0x951, 0x957, 0x962, 0x963, 0x981, 0x981, 0x9bc,
  0x9bc, 0x9c1, 0x9c4, 0x9cd, 0x9cd, 0x9e2, 0x9e3, 0x9fe, 0x9fe, 0xa01, 0xa02, 0xa3c, 0xa3c,
  0xa41, 0xa42, 0xa47, 0xa48, 0xa4b, 0xa4d, 0xa51, 0xa51, 0xa70, 0xa71, 0xa75, 0xa75, 0xa81,
  0xa82, 0xabc, 0xabc, 0xac1, 0xac5, 0xac7, 0xac8, 0xacd, 0xacd, 0xae2, 0xae3, 0xafa, 0xaff,
  0xb01, 0xb01, 0xb3c, 0xb3c, 0xb3f, 0xb3f, 0xb41, 0xb44, 0xb4d, 0xb4d, 0xb55, 0xb56, 0xb62,
  0xb63, 0xb82, 0xb82, 0xbc0, 0xbc0, 0xbcd, 0xbcd, 0xc00, 0xc00, 0xc04, 0xc04, 0xc3c, 0xc3c,
  0xc3e, 0xc40, 0xc46, 0xc48, 0xc4a, 0xc4d, 0xc55, 0xc56, 0xc62, 0xc63, 0xc81, 0xc81, 0xcbc,
  0xcbc, 0xcbf, 0xcbf, 0xcc6, 0xcc6, 0xccc, 0xccd, 0xce2, 0xce3, 0xd00, 0xd01, 0xd3b, 0xd3c,
  0xd41, 0xd44, 0xd4d, 0xd4d, 0xd62, 0xd63, 0xd81, 0xd81, 0xdca, 0xdca, 0xdd2, 0xdd4, 0xdd6,
  0xdd6, 0xe31, 0xe31, 0xe34, 0xe3a, 0xe47, 0xe4e, 0xeb1, 0xeb1, 0xeb4, 0xebc, 0xec8, 0xece,
  0xf18, 0xf19, 0xf35, 0xf35, 0xf37, 0xf37, 0xf39, 0xf39, 0xf71, 0xf7e, 0xf80, 0xf84, 0xf86,
  0xf87, 0xf8d, 0xf97, 0xf99, 0xfbc, 0xfc6, 0xfc6, 0x102d, 0x1030, 0x1032, 0x1037, 0x1039, 0x103a,
  0x103d, 0x103e, 0x1058, 0x1059, 0x105e, 0x1060, 0x1071, 0x1074, 0x1082, 0x1082, 0x1085, 0x1086,
  0x108d, 0x108d, 0x109d, 0x109d, 0x135d, 0x135f, 0x1712, 0x1714, 0x1732, 0x1733, 0x1752, 0x1753,
  0x1772, 0x1773, 0x17b4, 0x17b5, 0x17b7, 0x17bd, 0x17c6, 0x17c6, 0x17c9, 0x17d3, 0x17dd, 0x17dd,
  0x180b, 0x180f, 0x1885, 0x1886, 0x18a9, 0x18a9, 0x1920, 0x1922, 0x1927, 0x1928, 0x1932, 0x1932,
  0x1939, 0x193b, 0x1a17, 0x1a18, 0x1a1b, 0x1a1b, 0x1a56, 0x1a56, 0x1a58, 0x1a5e, 0x1a60, 0x1a60,
  0x1a62, 0x1a62, 0x1a65, 0x1a6c, 0x1a73, 0x1a7c, 0x1a7f, 0x1a7f, 0x1ab0, 0x1add, 0x1ae0, 0x1aeb,
  0x1b00, 0x1b03, 0x1b34, 0x1b34, 0x1b36, 0x1b3a, 0x1b3c, 0x1b3c, 0x1b42, 0x1b42, 0x1b6b, 0x1b73,
  0x1b80, 0x1b81, 0x1ba2, 0x1ba5, 0x1ba8, 0x1ba9, 0x1bab, 0x1bad, 0x1be6, 0x1be6, 0x1be8, 0x1be9,
  0x1bed, 0x1bed, 0x1bef, 0x1bf1, 0x1c2c, 0x1c33, 0x1c36, 0x1c37, 0x1cd0, 0x1cd2, 0x1cd4, 0x1ce0,
  0x1ce2, 0x1ce8, 0x1ced, 0x1ced, 0x1cf4, 0x1cf4, 0x1cf8, 0x1cf9, 0x1dc0, 0x1dff, 0x200b, 0x200f,
  0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x206f, 0x20d0, 0x20f0, 0x2cef, 0x2cf1, 0x2d7f, 0x2d7f,
  0x2de0, 0x2dff, 0xa66f, 0xa672, 0xa674, 0xa67d, 0xa69e, 0xa69f, 0xa6f0, 0xa6f1, 0xa802, 0xa802,
  0xa806, 0xa806, 0xa80b, 0xa80b, 0xa825, 0xa826, 0xa82c, 0xa82c, 0xa8c4, 0xa8c5, 0xa8e0, 0xa8f1,
  0xa8ff, 0xa8ff, 0xa926, 0xa92d, 0xa947, 0xa951, 0xa980, 0xa982, 0xa9b3, 0xa9b3, 0xa9b6, 0xa9b9,
  0xa9bc, 0xa9bd, 0xa9e5, 0xa9e5, 0xaa29, 0xaa2e, 0xaa31, 0xaa32, 0xaa35, 0xaa36, 0xaa43, 0xaa43,
  0xaa4c, 0xaa4c, 0xaa7c, 0xaa7c, 0xaab0, 0xaab0, 0xaab2, 0xaab4, 0xaab7, 0xaab8, 0xaabe, 0xaabf,
  0xaac1, 0xaac1, 0xaaec, 0xaaed, 0xaaf6, 0xaaf6, 0xabe5, 0xabe5, 0xabe8, 0xabe8, 0xabed, 0xabed,
  0xfb1e, 0xfb1e, 0xfe00, 0xfe0f, 0xfe20, 0xfe2f, 0xfeff, 0xfeff, 0xfff9, 0xfffb, 0x101fd,
  0x101fd, 0x102e0, 0x102e0, 0x10376, 0x1037a, 0x10a01, 0x10a03, 0x10a05, 0x10a06, 0x10a0c,
  0x10a0f, 0x10a38, 0x10a3a, 0x10a3f, 0x10a3f, 0x10ae5, 0x10ae6, 0x10d24, 0x10d27, 0x10d69,
  0x10d6d, 0x10eab, 0x10eac, 0x10efa, 0x10eff, 0x10f46, 0x10f50, 0x10f82, 0x10f85, 0x11001,
  0x11001, 0x11038, 0x11046, 0x11070, 0x11070, 0x11073, 0x11074, 0x1107f, 0x11081, 0x110b3,
  0x110b6, 0x110b9, 0x110ba, 0x110bd, 0x110bd, 0x110c2, 0x110c2, 0x110cd, 0x110cd, 0x11100,
  0x11102, 0x11127, 0x1112b, 0x1112d, 0x11134, 0x11173, 0x11173, 0x11180, 0x11181, 0x111b6,
  0x111be, 0x111c9, 0x111cc, 0x111cf, 0x111cf, 0x1122f, 0x11231, 0x11234, 0x11234, 0x11236,
  0x11237, 0x1123e, 0x1123e, 0x11241, 0x11241, 0x112df, 0x112df, 0x112e3, 0x112ea, 0x11300,
  0x11301, 0x1133b, 0x1133c, 0x11340, 0x11340, 0x11366, 0x1136c, 0x11370, 0x11374, 0x113bb,
  0x113c0, 0x113ce, 0x113ce, 0x113d0, 0x113d0, 0x113d2, 0x113d2, 0x113e1, 0x113e2, 0x11438,
  0x1143f, 0x11442, 0x11444, 0x11446, 0x11446, 0x1145e, 0x1145e, 0x114b3, 0x114b8, 0x114ba,
  0x114ba, 0x114bf, 0x114c0, 0x114c2, 0x114c3, 0x115b2, 0x115b5, 0x115bc, 0x115bd, 0x115bf,
  0x115c0, 0x115dc, 0x115dd, 0x11633, 0x1163a, 0x1163d, 0x1163d, 0x1163f, 0x11640, 0x116ab,
  0x116ab, 0x116ad, 0x116ad, 0x116b0, 0x116b5, 0x116b7, 0x116b7, 0x1171d, 0x1171d, 0x1171f,
  0x1171f, 0x11722, 0x11725, 0x11727, 0x1172b, 0x1182f, 0x11837, 0x11839, 0x1183a, 0x1193b,
  0x1193c, 0x1193e, 0x1193e, 0x11943, 0x11943, 0x119d4, 0x119d7, 0x119da, 0x119db, 0x119e0,
  0x119e0, 0x11a01, 0x11a0a, 0x11a33, 0x11a38, 0x11a3b, 0x11a3e, 0x11a47, 0x11a47, 0x11a51,
  0x11a56, 0x11a59, 0x11a5b, 0x11a8a, 0x11a96, 0x11a98, 0x11a99, 0x11b60, 0x11b60, 0x11b62,
  0x11b64, 0x11b66, 0x11b66, 0x11c30, 0x11c36, 0x11c38, 0x11c3d, 0x11c3f, 0x11c3f, 0x11c92,
  0x11ca7, 0x11caa, 0x11cb0, 0x11cb2, 0x11cb3, 0x11cb5, 0x11cb6, 0x11d31, 0x11d36, 0x11d3a,
  0x11d3a, 0x11d3c, 0x11d3d, 0x11d3f, 0x11d45, 0x11d47, 0x11d47, 0x11d90, 0x11d91, 0x11d95,
  0x11d95, 0x11d97, 0x11d97, 0x11ef3, 0x11ef4, 0x11f00, 0x11f01, 0x11f36, 0x11f3a, 0x11f40,
  0x11f40, 0x11f42, 0x11f42, 0x11f5a, 0x11f5a, 0x13430, 0x13440, 0x13447, 0x13455, 0x1611e,
  0x16129, 0x1612d, 0x1612f, 0x16af0, 0x16af4, 0x16b30, 0x16b36, 0x16f4f, 0x16f4f, 0x16f8f,
  0x16f92, 0x1bc9d, 0x1bc9e, 0x1bca0, 0x1bca3, 0x1cf00, 0x1cf2d, 0x1cf30, 0x1cf46, 0x1d167,
  0x1d169, 0x1d173, 0x1d182, 0x1d185, 0x1d18b, 0x1d1aa, 0x1d1ad, 0x1d242, 0x1d244, 0x1da00,
  0x1da36, 0x1da3b, 0x1da6c, 0x1da75, 0x1da75, 0x1da84, 0x1da84, 0x1da9b, 0x1da9f, 0x1daa1,
  0x1daaf, 0x1e000, 0x1e006, 0x1e008, 0x1e018, 0x1e01b, 0x1e021, 0x1e023, 0x1e024, 0x1e026,
  0x1e02a, 0x1e08f, 0x1e08f, 0x1e130, 0x1e136, 0x1e2ae, 0x1e2ae, 0x1e2ec, 0x1e2ef, 0x1e4ec,
  0x1e4ef, 0x1e5ee, 0x1e5ef, 0x1e6e3, 0x1e6e3, 0x1e6e6, 0x1e6e6, 0x1e6ee, 0x1e6ef, 0x1e6f5,
  0x1e6f5, 0x1e8d0, 0x1e8d6, 0x1e944, 0x1e94a, 0xe0001, 0xe0001, 0xe0020, 0xe007f, 0xe0100,
  0xe01ef,];

const kWideRanges = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267f, 0x267f, 0x268a, 0x268f,
  0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce,
  0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd,
  0x2705, 0x2705, 0x270a, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755,
  0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50,
  0x2b55, 0x2b55, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x303e, 0x3041, 0x3096,
  0x3099, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e5, 0x31ef, 0x321e, 0x3220, 0x3247,
  0x3250, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19,
  0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0,
  0x16fe4, 0x16ff0, 0x16ff6, 0x17000, 0x18cd5, 0x18cff, 0x18d1e, 0x18d80, 0x18df2, 0x1aff0,
  0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b132, 0x1b132, 0x1b150,
  0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b167, 0x1b170, 0x1b2fb, 0x1d15e, 0x1d164, 0x1d1bb,
  0x1d1c0, 0x1d300, 0x1d356, 0x1d360, 0x1d376, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e,
  0x1f18e, 0x1f191, 0x1f19a, 0x1f1e6, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250,
  0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e,
  0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8,
  0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550,
  0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680,
  0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d8, 0x1f6dc, 0x1f6df, 0x1f6eb,
  0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c,
  0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa8a, 0x1fa8e, 0x1fac6, 0x1fac8,
  0x1fac8, 0x1facd, 0x1fadc, 0x1fadf, 0x1faea, 0x1faef, 0x1faf8, 0x20000, 0x2fffd, 0x30000,
  0x3fffd,];

function inRanges(ranges, cp) {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function codePointWidth(cp) {
  if (cp < 0x7f) return cp >= 0x20 ? 1 : 0;
  if (inRanges(kZeroWidthRanges, cp)) return 0;
  if (inRanges(kWideRanges, cp)) return 2;
  return 1;
}

// eslint-disable-next-line no-control-regex
const ansiPattern = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

function stripVTControlCharacters(str) {
  if (typeof inspectModule.stripVTControlCharacters === 'function') {
    return inspectModule.stripVTControlCharacters(str);
  }
  return str.replace(ansiPattern, '');
}

function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) {
      // Everything from the first non-ASCII character on is measured per code point, after
      // NFC normalisation (so "e" + combining acute counts once).
      const rest = str.slice(i).normalize('NFC');
      for (const ch of rest) width += codePointWidth(ch.codePointAt(0));
      break;
    }
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

// ---------------------------------------------------------------------------
// console.table rendering.

const tableChars = {
  middleMiddle: '\u2500',
  rowMiddle: '\u253c',
  topRight: '\u2510',
  topLeft: '\u250c',
  leftMiddle: '\u251c',
  topMiddle: '\u252c',
  bottomRight: '\u2518',
  bottomLeft: '\u2514',
  bottomMiddle: '\u2534',
  rightMiddle: '\u2524',
  left: '\u2502 ',
  right: ' \u2502',
  middle: ' \u2502 ',
};

function renderRow(row, columnWidths) {
  const cells = [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    cells.push(cell + ' '.repeat(columnWidths[i] - getStringWidth(cell)));
  }
  return tableChars.left + cells.join(tableChars.middle) + tableChars.right;
}

// head: column titles; columns: one (possibly sparse) array of cell strings per column.
function renderTable(head, columns) {
  const widths = head.map((h) => getStringWidth(h));
  let rowCount = 0;
  for (const column of columns) {
    if (column.length > rowCount) rowCount = column.length;
  }
  const rows = [];
  for (let r = 0; r < rowCount; r++) rows.push(new Array(head.length));
  for (let c = 0; c < head.length; c++) {
    const column = columns[c];
    for (let r = 0; r < rowCount; r++) {
      const value = Object.prototype.hasOwnProperty.call(column, r) ? column[r] : '';
      rows[r][c] = value;
      const w = getStringWidth(value);
      if (w > widths[c]) widths[c] = w;
    }
  }
  const divider = widths.map((w) => tableChars.middleMiddle.repeat(w + 2));
  const lines = [
    tableChars.topLeft + divider.join(tableChars.topMiddle) + tableChars.topRight,
    renderRow(head, widths),
    tableChars.leftMiddle + divider.join(tableChars.rowMiddle) + tableChars.rightMiddle,
  ];
  for (const row of rows) lines.push(renderRow(row, widths));
  lines.push(tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) + tableChars.bottomRight);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Type checks (native binding when available, tag checks otherwise).

function nativeTypes() {
  return nativeBinding.types || {};
}

function tagOf(value) {
  return Object.prototype.toString.call(value);
}

function isMap(value) {
  const t = nativeTypes();
  if (typeof t.isMap === 'function') return t.isMap(value);
  try {
    Map.prototype.has.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}

function isSet(value) {
  const t = nativeTypes();
  if (typeof t.isSet === 'function') return t.isSet(value);
  try {
    Set.prototype.has.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}

function isMapIterator(value) {
  const t = nativeTypes();
  if (typeof t.isMapIterator === 'function') return t.isMapIterator(value);
  return tagOf(value) === '[object Map Iterator]';
}

function isSetIterator(value) {
  const t = nativeTypes();
  if (typeof t.isSetIterator === 'function') return t.isSetIterator(value);
  return tagOf(value) === '[object Set Iterator]';
}

// Entries of a Map/Set iterator without advancing it when the native binding allows;
// returns [flatEntries, isKeyValue] (flat [k0, v0, k1, v1, ...] when isKeyValue).
function previewIteratorEntries(iterator, isMapIter) {
  const util = nativeBinding.util;
  if (util && typeof util.previewEntries === 'function') {
    const res = util.previewEntries(iterator, true);
    if (Array.isArray(res)) return [res[0], res[1]];
  }
  // Fallback: consume the iterator.
  const items = Array.from(iterator);
  if (isMapIter && items.length > 0 && items.every((e) => Array.isArray(e) && e.length === 2)) {
    const flat = [];
    for (const [k, v] of items) flat.push(k, v);
    return [flat, true];
  }
  return [items, false];
}

// ---------------------------------------------------------------------------
// Colour detection: Node's rule (FORCE_COLOR decides alone; otherwise a TTY that has colours).

function processEnv() {
  return (typeof process === 'object' && process !== null && process.env) || {};
}

function shouldColorize(stream) {
  const env = processEnv();
  if (env.FORCE_COLOR !== undefined) return require('internal/tty').getColorDepth(env) > 2;
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

// ---------------------------------------------------------------------------
// console.time formatting.

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad2(value) {
  return `${value}`.padStart(2, '0');
}

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;

  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }

  if (hours !== 0 || minutes !== 0) {
    const [secs, millis] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad2(minutes)}` : minutes;
    return `${res}:${pad2(secs)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }

  if (seconds !== 0) return `${seconds.toFixed(3)}s`;

  return `${Number(ms.toFixed(3))}ms`;
}

function now() {
  if (typeof process === 'object' && process !== null && typeof process.hrtime === 'function') {
    if (typeof process.hrtime.bigint === 'function') return process.hrtime.bigint();
    const [s, ns] = process.hrtime();
    return BigInt(s) * 1000000000n + BigInt(ns);
  }
  if (typeof performance === 'object' && performance !== null) {
    return BigInt(Math.round(performance.now() * 1e6));
  }
  return BigInt(Date.now()) * 1000000n;
}

function emitWarning(msg) {
  if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
    process.emitWarning(msg);
  }
}

// ---------------------------------------------------------------------------
// Console.

// node.console trace events (loaded on the first count or timer: they are checked there).
const { state: traceState, traceEvents } = require('internal/trace_events_state');

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentWidth = Symbol('kGroupIndentWidth');
const kInspectOptions = Symbol('kInspectOptions');
const kUseStdout = 1;
const kUseStderr = 2;

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

const iterKey = '(iteration index)';
const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';

function noop() {}

function defineHidden(obj, key, value) {
  Object.defineProperty(obj, key, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Callable without `new`, like Node.
  if (!new.target) {
    return Reflect.construct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }

  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);

  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  }

  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    defineHidden(this, kInspectOptions, inspectOptions);
  }

  // Own, bound copies of the prototype methods so they can be passed around detached.
  bindMethods(this, this);

  bindStreams(this, stdout, stderr);
  bindProperties(this, ignoreErrors, colorMode, groupIndentation);
  Object.defineProperty(this, Symbol.toStringTag, {
    __proto__: null, writable: false, enumerable: false, configurable: true, value: 'console',
  });
}

function bindMethods(target, self) {
  for (const key of Object.keys(consoleMethods)) {
    // A subclass's override wins over Console.prototype's method, as in Node.
    const fn = typeof self[key] === 'function' ? self[key] : Console.prototype[key];
    const bound = fn.bind(self);
    Object.defineProperty(bound, 'name', { __proto__: null, value: key });
    target[key] = bound;
  }
}

function bindStreams(target, stdout, stderr) {
  defineHidden(target, '_stdout', stdout);
  defineHidden(target, '_stderr', stderr);
}

function createWriteErrorHandler(instance, useStdout) {
  return (err) => {
    // An asynchronous write error: keep it from becoming an uncaught 'error' event.
    const stream = useStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream && !stream._writableState?.errorEmitted) {
      if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

function bindProperties(target, ignoreErrors, colorMode, groupIndentation = 2) {
  defineHidden(target, '_stdoutErrorHandler', createWriteErrorHandler(target, true));
  defineHidden(target, '_stderrErrorHandler', createWriteErrorHandler(target, false));
  defineHidden(target, '_ignoreErrors', Boolean(ignoreErrors));
  defineHidden(target, '_times', new Map());
  defineHidden(target, kCounts, new Map());
  defineHidden(target, kColorMode, colorMode);
  defineHidden(target, kIsConsole, true);
  defineHidden(target, kGroupIndent, '');
  defineHidden(target, kGroupIndentWidth, groupIndentation);
}

function writeToConsole(self, streamSymbol, string) {
  const ignoreErrors = self._ignoreErrors;
  const groupIndent = self[kGroupIndent] || '';

  const useStdout = streamSymbol === kUseStdout;
  const stream = useStdout ? self._stdout : self._stderr;
  const errorHandler = useStdout ? self._stdoutErrorHandler : self._stderrErrorHandler;

  if (groupIndent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
    string = groupIndent + string;
  }
  string += '\n';

  if (ignoreErrors === false) return stream.write(string);

  // Swallow synchronous write errors (and 'error' events emitted during the write), but
  // never hide a stack overflow.
  let addedNoop = false;
  try {
    if (typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
        stream.listenerCount('error') === 0) {
      stream.once('error', noop);
      addedNoop = true;
    }
    stream.write(string, errorHandler);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(String(e.message))) throw e;
  } finally {
    if (addedNoop && typeof stream.removeListener === 'function') {
      stream.removeListener('error', noop);
    }
  }
}

function getInspectOptions(self, stream) {
  let color = self[kColorMode];
  if (color === 'auto') color = shouldColorize(stream);
  const options = self[kInspectOptions];
  if (options) {
    if (options.colors === undefined) return { ...options, colors: color };
    return options;
  }
  return color ? kColorInspectOptions : kNoColorInspectOptions;
}

function formatForStdout(self, args) {
  return formatWithOptions(getInspectOptions(self, self._stdout), ...args);
}

function formatForStderr(self, args) {
  return formatWithOptions(getInspectOptions(self, self._stderr), ...args);
}

function timeLogImpl(self, name, label, data) {
  const start = self._times.get(label);
  if (start === undefined) {
    emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const ms = Number(now() - start) / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const consoleMethods = {
  log(...args) {
    writeToConsole(this, kUseStdout, formatForStdout(this, args));
  },

  warn(...args) {
    writeToConsole(this, kUseStderr, formatForStderr(this, args));
  },

  dir(object, options) {
    writeToConsole(this, kUseStdout, inspect(object, {
      customInspect: false,
      ...getInspectOptions(this, this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    if (traceState.console) traceEvents().consoleTime('b', label);
    this._times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) {
      if (traceState.console) traceEvents().consoleTime('e', label);
      this._times.delete(label);
    }
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeLog', label, data);
    if (found && traceState.console) traceEvents().consoleTime('n', label);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: formatForStderr(this, args),
    };
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(err, trace);
    } else {
      err.stack = `Trace: ${err.message}`;
    }
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clears the screen on TTYs; a no-op elsewhere.
  clear() {
    const stdout = this._stdout;
    if (stdout && stdout.isTTY && processEnv().TERM !== 'dumb') {
      // Cursor to row 1, column 1, then clear from the cursor down.
      stdout.write('\x1b[1;1H');
      stdout.write('\x1b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    if (traceState.console) traceEvents().consoleCount(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
    if (traceState.console) traceEvents().consoleCount(`${label}`, 0);
  },

  group(...data) {
    if (data.length > 0) {
      Reflect.apply(this.log, this, data);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object') {
      return this.log(tabularData);
    }

    const print = (head, columns) => this.log(renderTable(head, columns));

    const fmt = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...getInspectOptions(this, this._stdout),
      });
    };
    const indexColumn = (length) => Array.from({ length }, (_, i) => fmt(i));

    const mapIter = isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      [tabularData, isKeyValue] = previewIteratorEntries(tabularData, true);
    }

    if (isKeyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      if (mapIter) {
        for (let i = 0; i < tabularData.length / 2; ++i) {
          keys.push(fmt(tabularData[i * 2]));
          values.push(fmt(tabularData[i * 2 + 1]));
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(fmt(k));
          values.push(fmt(v));
        }
      }
      return print([iterKey, keyKey, valuesKey], [indexColumn(keys.length), keys, values]);
    }

    const setIter = isSetIterator(tabularData);
    if (setIter) {
      [tabularData] = previewIteratorEntries(tabularData, false);
    }

    if (setIter || mapIter || isSet(tabularData)) {
      const values = [];
      for (const v of tabularData) values.push(fmt(v));
      return print([iterKey, valuesKey], [indexColumn(values.length), values]);
    }

    // Plain objects and arrays: one row per own enumerable key.
    const columnsByKey = { __proto__: null };
    let hasPrimitives = false;
    const primitiveValues = [];
    const rowKeys = Object.keys(tabularData);

    for (let i = 0; i < rowKeys.length; i++) {
      const item = tabularData[rowKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveValues[i] = fmt(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (columnsByKey[key] === undefined) columnsByKey[key] = [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            columnsByKey[key][i] = '';
          } else {
            columnsByKey[key][i] = fmt(item[key]);
          }
        }
      }
    }

    const head = Object.keys(columnsByKey);
    const columns = Object.values(columnsByKey);
    if (hasPrimitives) {
      head.push(valuesKey);
      columns.push(primitiveValues);
    }
    head.unshift(indexKey);
    columns.unshift(rowKeys);

    return print(head, columns);
  },
};

// Aliases, as in Node (each gets its own name once bound on an instance).
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    __proto__: null, value: consoleMethods[key], writable: true, enumerable: false, configurable: true,
  });
}

Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value(instance) {
    return instance !== null && instance !== undefined && instance[kIsConsole] === true;
  },
});

// ---------------------------------------------------------------------------
// The global console: a plain object (prototype {}) carrying bound Console methods, plus the
// inspector-only methods Node exposes as no-ops when no inspector is attached.

function createGlobalConsole(stdout, stderr) {
  const globalConsole = { __proto__: {} };

  bindMethods(globalConsole, globalConsole);

  bindProperties(globalConsole, true, 'auto');

  Object.defineProperty(globalConsole, Symbol.toStringTag, {
    __proto__: null, writable: false, enumerable: false, configurable: true, value: 'console',
  });

  globalConsole.Console = Console;

  // Inspector-only methods: no-ops here.
  globalConsole.profile = function profile() {};
  globalConsole.profileEnd = function profileEnd() {};
  globalConsole.timeStamp = function timeStamp() {};
  globalConsole.context = function context(name) {
    const ctx = {};
    for (const key of Object.keys(consoleMethods)) {
      const fn = globalConsole[key];
      ctx[key] = function(...args) { return Reflect.apply(fn, globalConsole, args); };
      Object.defineProperty(ctx[key], 'name', { __proto__: null, value: key });
    }
    void name;
    return ctx;
  };
  globalConsole.createTask = function createTask(name) {
    void name;
    return {
      run(fn, ...args) {
        return Reflect.apply(fn, undefined, args);
      },
    };
  };

  // Without streams given, process.stdout/stderr are looked up when first written to (as
  // Node's global console binds them lazily). Node's console makes process.stderr as well the
  // first time it takes stdout (process._getActiveHandles() then lists both after a
  // console.log), while console.error leaves stdout alone.
  const lazy = stdout === undefined;
  let out = stdout;
  let err = stderr === undefined ? stdout : stderr;
  let stderrMade = false;
  Object.defineProperty(globalConsole, '_stdout', {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      if (!lazy || out !== undefined) return out;
      const stream = process.stdout;
      if (!stderrMade) {
        stderrMade = true;
        void process.stderr;
      }
      return stream;
    },
    set(value) { out = value; },
  });
  Object.defineProperty(globalConsole, '_stderr', {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() { return lazy && err === undefined ? process.stderr : err; },
    set(value) { err = value; },
  });

  return globalConsole;
}

module.exports = {
  Console,
  createGlobalConsole,
  formatTime,
  getStringWidth,
  kColorInspectOptions,
  kNoColorInspectOptions,
  renderTable,
};
