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

  it('does not take a unit named in a list of units for the one that answered', () => {
    const filler = '经查，该废品站存在违章搭建问题，已责令整改。'.repeat(4);
    expect(
      labelFromReply(`接到投诉后，街道牵头，联合城管、公安、工商等部门到现场执法。${filler}2018年4月26日`),
    ).toBe('ambiguous');
    expect(
      labelFromReply(`您反映的问题，我办已转交交通、交警等相关部门。${filler}E9县网信办2020年1月9日`),
    ).toBe('ambiguous');
    // A numbered step ("5、") is not a list of units.
    expect(labelFromReply(`${filler}申请流程：4、填报登记表；5、市司法局审查并同意。2019年11月19日`)).toBe(
      'justice',
    );
  });

  it('does not take a report someone else made, or a unit name in an address, for the answering unit', () => {
    const filler = '小区电梯均已年检，门禁已修复。'.repeat(6);
    expect(
      labelFromReply(`经核实，车库进水系人为所致，物业已向麓谷派出所报案处理。${filler}2018年11月12日`),
    ).toBe('out_of_scope');
    expect(
      labelFromReply(`经查，八本街（公安局路段）路灯电缆被拆除，我局将尽快修复。${filler}2017年7月25日`),
    ).toBe('ambiguous');
  });

  it('does not take a unit named in quoted words or a document title for the answering unit', () => {
    const filler = '经核实，该楼盘交房时间以购房合同约定为准，我局已督促开发商整改。'.repeat(4);
    const law = '根据《民事诉讼法》规定：“对方可以请求人民法院执行”，';
    expect(labelFromReply(`${law}${filler}2018年9月30日`)).toBe('ambiguous');
    expect(labelFromReply(`根据《A市公安局关于规范落户条件的通知》，${filler}2018年9月30日`)).toBe(
      'ambiguous',
    );
  });

  it('counts the provincial justice department as the justice bureau', () => {
    expect(labelFromReply('省司法厅答复：公证员执业证书由省司法厅颁发。2019年3月15日')).toBe('justice');
  });

  it('cleans the export artefacts', () => {
    expect(cleanText('\\n  标题\\n_x000D_正文  ')).toBe('标题 正文');
  });
});
