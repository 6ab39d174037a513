import { cleanText, labelFromReply } from './reply-label';

describe('labelFromReply', () => {
  it('takes the unit named at the start of the reply', () => {
    expect(labelFromReply('经A2区公安分局核实，该小区盗窃案已立案侦查。2019年4月1日')).toBe('police');
    expect(labelFromReply('A市中级人民法院答复：您的执行案件正在办理中。')).toBe('court');
  });

  it('takes the unit in the signature', () => {
    const reply = `您好！${'关于您反映的问题，现答复如下。'.repeat(20)}感谢您的支持。K县司法局 2019年3月2日`;
    expect(labelFromReply(reply)).toBe('justice');
  });

  it('calls a passing mention ambiguous and no mention out of scope', () => {
    const filler = '关于您反映的小区物业问题，街道已督促整改。'.repeat(10);
    expect(labelFromReply(`${filler}下一步将加强与公安部门配合。${filler}2019年1月1日`)).toBe('ambiguous');
    expect(labelFromReply(`${filler}2019年1月1日`)).toBe('out_of_scope');
  });

  it('does not take advice to go to court or the police for the handling unit', () => {
    const reply = `经区住建局核实，开发商已整改。如对合同有争议，可向人民法院提起诉讼。${'其他情况说明。'.repeat(20)}区住建局`;
    expect(labelFromReply(reply)).toBe('out_of_scope');
  });

  it('cleans the export artefacts', () => {
    expect(cleanText('\\n  标题\\n_x000D_正文  ')).toBe('标题 正文');
  });
});
