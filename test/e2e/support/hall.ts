// Helpers for the hall's devices and staff screens: pairing a kiosk or display by its link,
// signing in at a staff screen, and a recording stand-in for the browser's speech synthesis.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens a pairing link ('/kiosk#pair=…') and waits until the page has taken the token out of the address. */
export async function openPairingLink(page: Page, pairPath: string): Promise<void> {
  await page.goto(pairPath);
  await page.waitForFunction(() => !window.location.hash.includes('pair='));
  expect(page.url()).not.toContain('pair=');
}

/** Pairs a kiosk page and waits for its start screen. */
export async function pairKiosk(page: Page, pairPath: string): Promise<void> {
  await openPairingLink(page, pairPath);
  await page.getByRole('heading', { name: '请选择取号方式' }).waitFor();
}

/** Signs in at a staff sign-in screen (already open). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

/**
 * Headless Chromium lets any page play sound; a hall's browser does not until someone touches
 * the page. This makes every AudioContext of the context report 'suspended' until resumed during
 * a user gesture, as a normal browser does.
 */
export async function blockAutoplay(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    if (!Real) return;
    class Blocked extends Real {
      private unlocked = false;
      override get state(): AudioContextState {
        return this.unlocked ? super.state : 'suspended';
      }
      override resume(): Promise<void> {
        if (navigator.userActivation?.isActive) this.unlocked = true;
        return super.resume();
      }
    }
    Object.defineProperty(window, 'AudioContext', { value: Blocked, configurable: true, writable: true });
  });
}

export interface SpokenUtterance {
  text: string;
  lang: string;
}

/**
 * Replaces speechSynthesis in every page of the context with a recorder: each utterance is kept
 * in window.spoken and "ends" 50 ms later, so the page's queue moves on as with a real voice.
 */
export async function recordSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    class FakeUtterance {
      text: string;
      lang = '';
      rate = 1;
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const queue: FakeUtterance[] = [];
    let speaking = false;
    const next = () => {
      const u = queue.shift();
      if (!u) {
        speaking = false;
        return;
      }
      speaking = true;
      spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => {
        u.onend?.();
        next();
      }, 50);
    };
    const synth = {
      speak(u: FakeUtterance) {
        queue.push(u);
        if (!speaking) next();
      },
      cancel() {
        queue.length = 0;
      },
      getVoices: () => [{ lang: 'zh-CN', name: 'Fake Mandarin' }],
      get speaking() {
        return speaking;
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  });
}

/** What the page has said so far. */
export function spokenOn(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken.slice());
}

/** Signs in over HTTP and returns the session cookie ('vr_session=…') for arranging a scene by API. */
export async function staffCookie(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vr_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

/**
 * First sign-in at a staff screen with the one-time password, then the forced change to
 * `newPassword`: the one-time password was just typed, so only the new one is asked.
 */
export async function signInFirstTime(page: Page, username: string, oneTime: string, newPassword: string): Promise<void> {
  await signIn(page, username, oneTime);
  await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
  expect(await page.getByLabel('当前密码（一次性密码）').count()).toBe(0);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
}
