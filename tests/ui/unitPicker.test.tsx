// @vitest-environment jsdom
/** The unit picker: quick groups select whole groups (and toggle off), search by name, pinyin initials or full pinyin. */
import './setup-dom.ts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { UnitPicker } from '../../src-renderer/documents/compose/UnitPicker.tsx';
import { filterUnits, matchesUnit } from '../../src-renderer/documents/compose/unitMatch.ts';
import { setupI18n } from '../../src-renderer/i18n/index.ts';
import { seededDirectory } from './directoryFixture.ts';

setupI18n('zh-CN');
const directory = seededDirectory();

function Harness({ exclude, onValue }: { exclude?: Set<string>; onValue: (v: string[]) => void }) {
  const [value, setValue] = useState<string[]>([]);
  return <UnitPicker directory={directory} value={value} exclude={exclude} onChange={(v) => { setValue(v); onValue(v); }} />;
}

function listed(): string[] {
  return Array.from(document.querySelectorAll('.xt-picker-list label')).map((l) => l.textContent ?? '');
}

describe('unit picker', () => {
  it('selects all 69 units (the General Office excluded) with one click, and toggles them off again', () => {
    let value: string[] = [];
    render(<Harness exclude={new Set(['BGT'])} onValue={(v) => { value = v; }} />);
    fireEvent.click(screen.getByTestId('group-all-all'));
    expect(value).toHaveLength(69);
    expect(value).not.toContain('BGT');
    expect(screen.getByTestId('unit-picker-selected').getAttribute('data-count')).toBe('69');
    fireEvent.click(screen.getByTestId('group-all-all'));
    expect(value).toHaveLength(0);
  });

  it('adds a group on top of a single choice: 9 districts plus one department', () => {
    let value: string[] = [];
    render(<Harness onValue={(v) => { value = v; }} />);
    fireEvent.click(within(document.querySelector('.xt-picker-list') as HTMLElement).getByText('市教育局'));
    fireEvent.click(screen.getByTestId('group-districts-districts'));
    expect(value).toHaveLength(10);
    expect(value).toContain('D-DAOLI');
    expect(value.filter((c) => c.startsWith('D-'))).toHaveLength(9);
  });

  it('finds units by Chinese name, pinyin initials and full pinyin', () => {
    let value: string[] = [];
    render(<Harness onValue={(v) => { value = v; }} />);
    const search = screen.getByTestId('unit-picker-search');
    fireEvent.change(search, { target: { value: 'DLQ' } });
    expect(listed()).toEqual(['道里区']);
    fireEvent.change(search, { target: { value: 'daowai' } });
    expect(listed()).toEqual(['道外区']);
    fireEvent.change(search, { target: { value: '南岗' } });
    expect(listed()).toEqual(['南岗区']);
    fireEvent.click(screen.getByText('南岗区'));
    expect(value).toEqual(['D-NANGANG']);
    fireEvent.change(search, { target: { value: '不存在的单位' } });
    expect(listed()).toEqual([]);
    expect(screen.getByText('没有匹配的单位')).toBeTruthy();
  });

  it('matches initials case-insensitively and never matches other scripts by accident', () => {
    const jyj = directory.units.find((u) => u.shortName === '市教育局');
    expect(jyj && matchesUnit(jyj, 'jyj')).toBe(true);
    expect(filterUnits(directory.units, 'JYJ').map((u) => u.shortName)).toContain('市教育局');
    expect(filterUnits(directory.units, '123')).toEqual([]);
    expect(filterUnits(directory.units, '')).toHaveLength(70);
  });
});
