import type { ThemeConfig } from 'antd';

/** Government-blue accent, a calm neutral background and a CJK-first font stack. */
export const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fae',
    colorError: '#c8322d',
    borderRadius: 6,
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { itemHeight: 40, itemBorderRadius: 6 },
  },
};
