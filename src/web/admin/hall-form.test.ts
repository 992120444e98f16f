import { describe, expect, it } from 'vitest';
import type { AdminHall } from '../../contracts/admin-halls.js';
import { activityBody, createBody, hallDraftOf, hallProblems, updateBody } from './hall-form.js';

const hall: AdminHall = {
  code: 'CD',
  numberPrefix: 'CD-',
  nameZh: '城东政务服务中心',
  nameEn: 'East Service Centre',
  districtZh: '城东区',
  districtEn: 'East',
  addressZh: '东大街 1 号',
  addressEn: '',
  phone: '0571-1234',
  timeZone: 'Asia/Shanghai',
  hoursZh: '工作日 9:00-17:00',
  hoursEn: '',
  sortOrder: 20,
  active: true,
};

describe('the hall form', () => {
  it('starts empty for a new hall, offering every catalogue service', () => {
    const draft = hallDraftOf(null, ['Y', 'H']);
    expect(draft).toMatchObject({ code: '', nameZh: '', sortOrder: '', letters: ['Y', 'H'] });
    expect(hallProblems(draft, [], true)).toEqual({ code: 'EMPTY', nameZh: 'EMPTY' });
  });

  it('checks the code as the server does, and that no other hall has it', () => {
    const draft = { ...hallDraftOf(null, ['Y']), nameZh: '城东' };
    expect(hallProblems({ ...draft, code: 'cd' }, [], true).code).toBe('FORMAT');
    expect(hallProblems({ ...draft, code: 'C' }, [], true).code).toBe('FORMAT');
    expect(hallProblems({ ...draft, code: '1CD' }, [], true).code).toBe('FORMAT');
    expect(hallProblems({ ...draft, code: 'CD' }, ['MAIN', 'CD'], true).code).toBe('TAKEN');
    expect(hallProblems({ ...draft, code: 'CD2' }, ['MAIN', 'CD'], true)).toEqual({});
  });

  it('asks for at least one service for a new hall only, and a sane order and lengths', () => {
    const draft = { ...hallDraftOf(hall, []), letters: [] };
    expect(hallProblems(draft, [], true).letters).toBe('EMPTY');
    expect(hallProblems(draft, [], false)).toEqual({});
    expect(hallProblems({ ...draft, sortOrder: '-1' }, [], false).sortOrder).toBe('RANGE');
    expect(hallProblems({ ...draft, sortOrder: '100001' }, [], false).sortOrder).toBe('RANGE');
    expect(hallProblems({ ...draft, phone: '1'.repeat(41) }, [], false).phone).toBe('TOO_LONG');
  });

  it('sends a change with every field, an emptied one cleared', () => {
    const body = updateBody({ ...hallDraftOf(hall, []), phone: '  ', nameZh: ' 城东中心 ' });
    expect(body).toMatchObject({ code: 'CD', nameZh: '城东中心', phone: '', sortOrder: 20, timeZone: 'Asia/Shanghai' });
    expect('active' in body).toBe(false);
  });

  it('opens a hall with the fields filled in and the letters chosen', () => {
    const body = createBody({ ...hallDraftOf(null, ['Y', 'H']), code: 'CD', nameZh: '城东', districtZh: '城东区' });
    expect(body).toEqual({ code: 'CD', nameZh: '城东', districtZh: '城东区', letters: ['H', 'Y'] });
  });

  it('closes or reopens a hall changing nothing else', () => {
    expect(activityBody(hall, false)).toMatchObject({ code: 'CD', nameZh: '城东政务服务中心', hoursZh: '工作日 9:00-17:00', sortOrder: 20, active: false });
  });
});
