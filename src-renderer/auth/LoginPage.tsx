/** Login: server URL (remembered), user name, password; each failure shows its own message. */
import { LockOutlined, CloudServerOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api/index.ts';
import { ErrorAlert } from '../app/ErrorAlert.tsx';
import { useSession } from '../stores/session.ts';

interface LoginForm { serverUrl: string; username: string; password: string }

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const { expired, setSession, lang, setLang } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getApi().auth.remembered({}).then(
      (r) => form.setFieldsValue({ serverUrl: r.serverUrl ?? '', username: r.username ?? '' }),
      () => undefined,
    );
  }, [form]);

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const serverUrl = v.serverUrl.trim();
      const session = await getApi().auth.login({ username: v.username.trim(), password: v.password, ...(serverUrl ? { serverUrl } : {}) });
      setSession(session);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xt-login-bg">
      <Card className="xt-login-card" variant="borderless" styles={{ body: { padding: 32 } }}>
        <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 24 }}>
          <div className="xt-brand" style={{ border: 0, padding: 0, height: 40 }}><span className="xt-brand-mark">协</span><span>{t('app.fullName')}</span></div>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Space>
        {expired ? <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} data-testid="login-expired" /> : null}
        {error ? <div style={{ marginBottom: 16 }}><ErrorAlert error={error} /></div> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ serverUrl: '', username: '', password: '' }}>
          <Form.Item name="serverUrl" label={t('login.server')} extra={t('login.serverHint')}>
            <Input prefix={<CloudServerOutlined />} placeholder={t('login.serverPlaceholder')} data-testid="login-server" autoComplete="url" />
          </Form.Item>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
            <Input prefix={<UserOutlined />} data-testid="login-username" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
        </Form>
        <div style={{ textAlign: 'right', marginTop: 12 }}>
          <Button type="link" size="small" onClick={() => setLang(lang === 'zh-CN' ? 'en-US' : 'zh-CN')}>{t('header.language')}</Button>
        </div>
      </Card>
    </div>
  );
}
