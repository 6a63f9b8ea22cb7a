/**
 * npm run gongwen -- input.json output.pdf [--fonts fonts.json]
 * Renders a 公文 from its JSON description (shared/schemas/gongwen.ts, documented in docs/gongwen.md).
 * A seal image may be given as "file:seal.png", resolved relative to the input file.
 * Exit codes: 0 written, 1 invalid input or refused (the error code and message are printed), 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { AppError } from '../../../shared/errors.ts';
import { PdfFontSettingsSchema } from '../../../shared/schemas/gongwen.ts';
import { FontSet } from './fonts.ts';
import { renderGongwen } from './gongwen/render.ts';

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { file }, `无法读取 JSON 文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Replaces seal.image "file:…" by the file's bytes as base64. */
function resolveSealFile(spec: unknown, baseDir: string): unknown {
  if (typeof spec !== 'object' || spec === null) return spec;
  const seal = (spec as { seal?: { image?: unknown } }).seal;
  if (seal && typeof seal.image === 'string' && seal.image.startsWith('file:')) {
    const file = path.resolve(baseDir, seal.image.slice(5));
    if (!fs.existsSync(file)) throw new AppError('VALIDATION_FAILED', { path: 'seal.image' }, `印章图片不存在：${file}`);
    return { ...spec, seal: { ...seal, image: fs.readFileSync(file).toString('base64') } };
  }
  return spec;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('gongwen')
    .description('Render a GB/T 9704-2012 公文 PDF from a JSON description')
    .argument('<input>', 'JSON description (see docs/gongwen.md)')
    .argument('<output>', 'PDF file to write')
    .option('--fonts <file>', 'JSON font settings: { "roles": { "fangsong": { "path": "…" } }, "fallbacks": [] }')
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch {
    return 2;
  }
  const [input, output] = program.args;
  const opts = program.opts<{ fonts?: string }>();
  try {
    const spec = resolveSealFile(readJson(input), path.dirname(path.resolve(input)));
    let fonts: FontSet | undefined;
    if (opts.fonts) {
      const settings = PdfFontSettingsSchema.safeParse(readJson(opts.fonts));
      if (!settings.success) throw new AppError('VALIDATION_FAILED', { issues: settings.error.issues }, `字体设置不符合要求：${settings.error.message}`);
      fonts = new FontSet(settings.data);
    }
    const pdf = await renderGongwen(spec, { fonts });
    fs.writeFileSync(output, pdf);
    console.log(`written ${output} (${pdf.length} bytes)`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${e.code}: ${e.message}`);
      if (e.details !== undefined) console.error(JSON.stringify(e.details, null, 2));
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
