// Doc comments of the core's types reach the napi type generator as raw string literals (they
// pass through the core's declaration macros), which it copies with their `r"…"` quoting; this
// removes the quoting from the generated declaration file, in place.
"use strict";
const fs = require("node:fs");

const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
const tidy = text
  .split("\n")
  .map((line) =>
    line.replace(/^(\s*(?:\/\*\*|\*) )r(#*)"(.*?)(?:"\2)?( \*\/)?$/, (_, lead, _hashes, body, end) => lead + body.replace(/^ /, "") + (end || "")),
  )
  .join("\n");
if (tidy !== text) fs.writeFileSync(file, tidy);
