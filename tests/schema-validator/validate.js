// Validates YAML files under a config directory against Bridge's JSON Schemas:
// mappings/**/*.test.yaml -> mapping-test.schema.json, mappings/**/*.yaml -> mapping.schema.json,
// units.yaml -> units.schema.json, systems.yaml -> systems.schema.json, warehouses.yaml -> warehouses.schema.json,
// line-side.yaml -> line-side.schema.json, alerts.yaml -> alerts.schema.json. Prints "file: path: message" per problem; exit 1 when any.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const YAML = require("yaml");

const configDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "..", "config"));
const schemaDir = path.resolve(process.argv[3] || path.join(configDir, "schema"));
const ajv = new Ajv({ allErrors: true, strict: false });
const load = (name) => ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, name), "utf8")));
const validators = { mapping: load("mapping.schema.json"), test: load("mapping-test.schema.json"), units: load("units.schema.json"), systems: load("systems.schema.json"), warehouses: load("warehouses.schema.json"), lineSide: load("line-side.schema.json"), alerts: load("alerts.schema.json") };

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "samples" ? [] : walk(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

const files = walk(configDir).filter((f) => !f.includes(`${path.sep}schema${path.sep}`));
let problems = 0;
for (const file of files) {
  const base = path.basename(file);
  const kind = /\.test\.ya?ml$/.test(file) ? "test" : base.startsWith("units.") ? "units" : base.startsWith("systems.") ? "systems" : base.startsWith("warehouses.") ? "warehouses" : base.startsWith("line-side.") ? "lineSide" : base.startsWith("alerts.") ? "alerts" : "mapping";
  let doc;
  try {
    doc = YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`${path.relative(process.cwd(), file)}: YAML: ${e.message}`);
    problems++;
    continue;
  }
  if (!validators[kind](doc)) {
    for (const err of validators[kind].errors) {
      console.log(`${path.relative(process.cwd(), file)}: ${err.instancePath || "/"}: ${err.message} ${JSON.stringify(err.params)}`);
      problems++;
    }
  }
}
console.log(`${files.length} file(s) checked, ${problems} problem(s)`);
process.exit(problems === 0 && files.length > 0 ? 0 : 1);
