import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aLoginResponse } from '../../testing/fixtures';
import { LoginPage, safeReturnUrl } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function typeInto(label: string, value: string): void {
    const labelElement = Array.from(element.querySelectorAll('label')).find(
      (candidate) => candidate.textContent?.trim() === label,
    );
    const input = element.querySelector<HTMLInputElement>(`#${labelElement?.htmlFor}`);
    if (!input) {
      throw new Error(`No input labelled ${label}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function pressSignIn(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('should hold the sign-in card in the main landmark', () => {
    expect(element.querySelector('main h1')?.textContent?.trim()).toBe('Sign in');
  });

  it('should show the server message in an alert when the credentials are wrong', async () => {
    typeInto('Email', 'ada@brand.test');
    typeInto('Password', 'wrong password');

    await pressSignIn();
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'invalid_credentials', message: 'Email or password is incorrect.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Email or password is incorrect.',
    );
  });

  it('should go to the requested page when sign-in succeeds', async () => {
    fixture.componentRef.setInput('returnUrl', '/agencies');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    typeInto('Email', 'ada@brand.test');
    typeInto('Password', 'correct horse');

    await pressSignIn();
    http.expectOne('/api/auth/login').flush(aLoginResponse('token-1'));
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/agencies');
  });

  it('should send no request when the fields are empty', async () => {
    await pressSignIn();

    http.expectNone('/api/auth/login');
    expect(element.textContent).toContain('This field is required.');
  });

  it('should ignore a return address when it leads off the site', () => {
    expect(safeReturnUrl('//evil.test/phish')).toBe('/');
    expect(safeReturnUrl('https://evil.test')).toBe('/');
    expect(safeReturnUrl('/users?role=admin')).toBe('/users?role=admin');
  });
});
