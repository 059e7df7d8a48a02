// test/common/fixtures.mjs: the fixtures helper for ES module tests.
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const fixtures = require('./fixtures.js');

export const { fixturesDir, path, fileURL, readSync, readKey } = fixtures;
export default fixtures;
