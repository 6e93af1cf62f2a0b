// Encoding names as CPython's codec registry resolves them: normalized, then looked up among the
// aliases of encodings/aliases.py. Only the codecs socklab implements are listed.

/** encodings.normalize_encoding after the registry lower-cases the name. */
export function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const c of name.toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(c) || c === '.') {
      if (punct && out !== '') out += '_';
      if (c.charCodeAt(0) < 0x80) out += c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

const ALIASES: Record<string, string[]> = {
  'utf-8': ['utf_8', 'u8', 'utf', 'utf8', 'utf8_ucs2', 'utf8_ucs4', 'cp65001'],
  ascii: ['ascii', '646', 'ansi_x3.4_1968', 'ansi_x3_4_1968', 'ansi_x3.4_1986', 'cp367', 'csascii', 'ibm367', 'iso646_us', 'iso_646.irv_1991', 'iso_ir_6', 'us', 'us_ascii'],
  'latin-1': ['latin_1', '8859', 'cp819', 'csisolatin1', 'ibm819', 'iso8859', 'iso8859_1', 'iso_8859_1', 'iso_8859_1_1987', 'iso_ir_100', 'l1', 'latin', 'latin1'],
  gbk: ['gbk', '936', 'cp936', 'ms936'],
  gb2312: ['gb2312', 'chinese', 'csiso58gb231280', 'euc_cn', 'euccn', 'eucgb2312_cn', 'gb2312_1980', 'gb2312_80', 'iso_ir_58'],
  gb18030: ['gb18030', 'gb18030_2000'],
  big5: ['big5', 'big5_tw', 'csbig5'],
};

const BY_ALIAS = new Map<string, string>();
for (const [codec, aliases] of Object.entries(ALIASES)) for (const a of aliases) BY_ALIAS.set(a, codec);

/** The codec's own name ('utf-8' for 'UTF8'), or null for an encoding socklab does not know. */
export function codecName(encoding: string): string | null {
  const norm = normalizeEncoding(encoding);
  return BY_ALIAS.get(norm) ?? BY_ALIAS.get(norm.replace(/\./g, '_')) ?? null;
}
