// The official-document fonts for the page and the print view, each falling back to what the
// machine has (Noto CJK on Linux, the Windows and macOS equivalents); the Word file names the
// fonts only (lib/bulletin/docx.ts).
export const BULLETIN_FONTS = {
  title: '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
  body: '"仿宋_GB2312", "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  heading1: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  heading2: '"楷体_GB2312", "KaiTi", "STKaiti", "楷体", "Noto Serif CJK SC", serif',
} as const;
