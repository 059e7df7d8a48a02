'use strict';
// RSA encryption: publicEncrypt/privateDecrypt (OAEP by default) and privateEncrypt/
// publicDecrypt (PKCS#1 v1.5 type 1 by default). Natives: binding.crypto.pkCrypt
// (bindings/src/crypto_sign.rs, paddings in crypto_rsa.rs).

const { validateString } = require('internal/errors');
const { digestInfo, getArrayBufferOrView, nativeError, toBuffer } =
  require('internal/crypto/util');
const { preparePrivateKey, preparePublicOrPrivateKey } = require('internal/crypto/keys');
const { getOptionValue } = require('internal/options');

const native = binding.crypto;
const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const kOps = { publicEncrypt: 0, privateDecrypt: 1, privateEncrypt: 2, publicDecrypt: 3 };

function bytes(value, name, encoding) {
  value = getArrayBufferOrView(value, name, encoding);
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function rsaFunctionFor(op, defaultPadding, keyType) {
  return (options, buffer) => {
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) {
      validateString(oaepHash, 'key.oaepHash');
      if (digestInfo(oaepHash) === undefined) {
        throw nativeError(Error, 'ERR_OSSL_EVP_INVALID_DIGEST', 'Invalid digest used');
      }
    }
    if (oaepLabel !== undefined) oaepLabel = bytes(oaepLabel, 'key.oaepLabel', encoding);
    buffer = bytes(buffer, 'buffer', encoding);
    // Node parses the key after these checks (and reads any PEM as public or private there),
    // so option errors are what it reports first.
    const handle = keyType === 'private' ?
      preparePrivateKey(options) : preparePublicOrPrivateKey(options);
    const padding = options.padding || defaultPadding;
    if (op === kOps.privateDecrypt && padding === RSA_PKCS1_PADDING &&
        !getOptionValue('--security-revert').includes('CVE-2023-46809')) {
      // Node 20 refuses it since CVE-2023-46809 (the Marvin timing attack), unless that fix
      // is reverted on the command line.
      throw nativeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                        'RSA_PKCS1_PADDING is no longer supported for private decryption, ' +
                        'this can be reverted with --security-revert=CVE-2023-46809');
    }
    return toBuffer(native.pkCrypt(op, handle.bytes, handle.isPrivate, buffer, padding,
                                   oaepHash, oaepLabel));
  };
}

module.exports = {
  publicEncrypt: rsaFunctionFor(kOps.publicEncrypt, RSA_PKCS1_OAEP_PADDING, 'public'),
  publicDecrypt: rsaFunctionFor(kOps.publicDecrypt, RSA_PKCS1_PADDING, 'public'),
  privateEncrypt: rsaFunctionFor(kOps.privateEncrypt, RSA_PKCS1_PADDING, 'private'),
  privateDecrypt: rsaFunctionFor(kOps.privateDecrypt, RSA_PKCS1_OAEP_PADDING, 'private'),
};
