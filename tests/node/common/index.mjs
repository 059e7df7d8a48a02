// test/common/index.mjs: the same helper for ES module tests (named exports and a default).
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const common = require('./index.js');

export const {
  allowGlobals, arrayBufferViews, canCreateSymLink, checkoutEOL, childShouldThrowAndAbort,
  createZeroFilledFile, defaultAutoSelectFamilyAttemptTimeout, expectsError, expectWarning,
  gcUntil, getArrayBufferViews, getBufferSources, hasCrypto, hasIntl, hasIPv6, hasMultiLocalhost,
  hasOpenSSL3, hasQuic, invalidArgTypeHelper, isAIX, isAlive, isDumbTerminal, isFreeBSD, isIBMi, isLinux,
  isMacOS, isMainThread, isOpenBSD, isOSX, isSunOS, isWindows, localhostIPv4, mustCall,
  mustCallAtLeast, mustNotCall, mustNotMutateObjectDeep, mustSucceed, nodeProcessAborted, noop,
  opensslCli, PIPE, platformTimeout, printSkipMessage, pwdCommand, requireNoPackageJSONAbove,
  runWithInvalidFD, skip, skipIf32Bits, skipIfDumbTerminal, skipIfEslintMissing,
  skipIfInspectorDisabled, skipIfWorker, spawnPromisified,
} = common;

export default common;
