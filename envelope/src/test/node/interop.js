// Opens ctx epoch wraps with @hpke/core + @hpke/dhkem-x25519 (an HPKE implementation independent of ours).
// Usage: node interop.js <input.json>
// input: { "privateKey": hex, "info": hex, "enc": hex, "wraps": [ { "seq": n, "aad": hex, "sealedDek": hex } ] }
// Wraps must be sequence numbers 0..n-1 of one epoch context in order: @hpke/core's recipient context keeps its own
// sequence number. Prints one line per wrap: the opened DEK in hex.
const fs = require("fs");
const { Aes256Gcm, CipherSuite, HkdfSha256 } = require("@hpke/core");
const { DhkemX25519HkdfSha256 } = require("@hpke/dhkem-x25519");

const hex = (s) => Uint8Array.from(Buffer.from(s, "hex"));

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const suite = new CipherSuite({
    kem: new DhkemX25519HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes256Gcm(),
  });
  const recipientKey = await suite.kem.deserializePrivateKey(hex(input.privateKey).buffer);
  const context = await suite.createRecipientContext({
    recipientKey,
    enc: hex(input.enc).buffer,
    info: hex(input.info).buffer,
  });
  input.wraps.forEach((wrap, index) => {
    if (wrap.seq !== index) {
      throw new Error("wrap " + index + " has sequence number " + wrap.seq);
    }
  });
  for (const wrap of input.wraps) {
    const dek = await context.open(hex(wrap.sealedDek).buffer, hex(wrap.aad).buffer);
    console.log(Buffer.from(dek).toString("hex"));
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
