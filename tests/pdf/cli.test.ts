/** npm run gongwen -- input.json output.pdf: writes a PDF, resolves file: seals, reports invalid input with code 1. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src-main/core/pdf/extract.ts';
import { REPO_ROOT } from '../helpers/environment.ts';
import { sealPng } from './fixtures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-gongwen-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const cli = (...args: string[]) => spawnSync(tsx, [path.join(REPO_ROOT, 'src-main/core/pdf/cli.ts'), ...args], { encoding: 'utf8', timeout: 120_000 });

describe('gongwen CLI', { timeout: 240_000 }, () => {
  it('renders a JSON description with a file: seal to a PDF', async () => {
    fs.writeFileSync(path.join(dir, 'seal.png'), sealPng());
    const spec = {
      organMark: '哈尔滨市人民政府办公厅文件',
      docNumber: { prefix: '哈政办发', year: 2026, sequence: 3 },
      title: '关于做好2026年春节期间安全生产工作的通知',
      mainRecipients: '各区、县（市）人民政府',
      body: ['春节将至，现将有关事项通知如下：', '一、高度重视节日安全生产工作'],
      signature: '哈尔滨市人民政府办公厅',
      date: '2026-01-20',
      seal: { image: 'file:seal.png' },
    };
    fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(spec));
    const r = cli(path.join(dir, 'in.json'), path.join(dir, 'out.pdf'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = await extractPdfText(new Uint8Array(fs.readFileSync(path.join(dir, 'out.pdf'))));
    expect(text.pages[0]).toContain('哈政办发〔2026〕3号');
    expect(text.pages[0]).toContain('2026年1月20日');
  });

  it('exits 1 with the error code and the bad fields for an invalid description', () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ organMark: '某机关文件', title: '标题', date: '2026-02-30', body: [] }));
    const r = cli(path.join(dir, 'bad.json'), path.join(dir, 'bad.pdf'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^VALIDATION_FAILED: /u);
    expect(r.stderr).toContain('date');
    expect(fs.existsSync(path.join(dir, 'bad.pdf'))).toBe(false);
  });

  it('exits 1 for a missing seal file and 2 for missing arguments', () => {
    fs.writeFileSync(path.join(dir, 'noseal.json'), JSON.stringify({ organMark: '某机关文件', title: '标题', date: '2026-02-03', body: ['正文'], seal: { image: 'file:nope.png' } }));
    expect(cli(path.join(dir, 'noseal.json'), path.join(dir, 'x.pdf')).status).toBe(1);
    expect(cli().status).toBe(2);
  });
});
