import type {
  CategoryRule,
  ChannelRule,
  DepartmentRule,
  InScopeAgency,
  RuleSet,
  TermWeights,
} from './rule-set';

/** `{ 3: '盗窃 被盗', 1: '丢失' }` → term weights; keeps the table below readable. */
function weighted(groups: Record<number, string>): TermWeights {
  const terms: TermWeights = {};
  for (const [weight, words] of Object.entries(groups)) {
    for (const word of words.split(/\s+/).filter(Boolean)) terms[word] = Number(weight);
  }
  return terms;
}

const category = (
  id: string,
  agency: InScopeAgency,
  label: string,
  groups: Record<number, string>,
  aliases: string[] = [],
): CategoryRule => ({ kind: 'category', id, agency, label, terms: weighted(groups), aliases });

const department = (
  id: string,
  label: string,
  groups: Record<number, string>,
  aliases: string[] = [],
): DepartmentRule => ({ kind: 'department', id, label, terms: weighted(groups), aliases });

const channel = (platform: string, agency: InScopeAgency, label: string): ChannelRule => ({
  kind: 'channel',
  id: `channel.${platform}`,
  platform,
  agency,
  label,
  weight: 4,
});

/**
 * The default rule set shipped as seed data (DOMAIN.md's table, the 政法 branch of the TipDM category tree for
 * aliases, and the departments named in TipDM replies for referrals). Administrators edit the live copy in the
 * database; this is only the starting point.
 */
export const DEFAULT_RULES: readonly (CategoryRule | DepartmentRule | ChannelRule)[] = [
  // 公安 police
  category(
    'police.theft',
    'police',
    '盗窃抢劫',
    { 4: '盗窃 被盗 小偷 扒窃 偷盗 失窃 抢劫 抢夺 入室盗窃 盗窃案', 3: '偷 被偷 偷走 盗走 撬锁 飞车抢夺' },
    ['盗窃', '案件侦破'],
  ),
  category(
    'police.fraud',
    'police',
    '诈骗',
    {
      6: '诈骗 涉嫌诈骗',
      4: '电信诈骗 网络诈骗 集资诈骗 诈骗案 骗局',
      3: '骗子 被骗 骗走 传销 非法集资 刷单 冒充 骗钱 欺骗 哄骗 骗取 跑路 非法吸收公众存款 欺诈',
      1: '骗',
    },
    ['诈骗', '电信诈骗'],
  ),
  category(
    'police.fight',
    'police',
    '打架斗殴',
    { 4: '打架 斗殴 殴打 打人 寻衅滋事 故意伤害 持刀 行凶 被打', 2: '伤人 动手 打伤' },
    ['治安案件'],
  ),
  category(
    'police.disorder',
    'police',
    '社会治安',
    {
      4: '治安 黑社会 涉黑 涉恶 扫黑除恶 恶势力 打黑除恶 敲诈 勒索 绑架 拐卖 邪教 非法拘禁 报警 报案 110 养狗 养犬 犬只 遛狗 狗咬人 烈性犬 电捕鱼 炸鱼',
      3: '派出所 公安局 公安分局 民警 警察 公安 警方 巡逻 失踪 走失 扰民 偷拍 猥亵',
      2: '威胁 恐吓 滋事 闹事 醉酒 砸 非法持有 管制刀具 枪支',
    },
    ['社会治安', '治安案件', '打黑除恶', '邪教组织', '拐卖人口', '防范打击恐怖活动', '集会游行示威'],
  ),
  category(
    'police.vice',
    'police',
    '黄赌毒',
    {
      5: '赌博 赌场 聚赌 打鱼机 老虎机 吸毒 毒品 贩毒 卖淫 嫖娼 涉黄 黄赌毒 赌博机 六合彩 地下赌场',
      3: '麻将馆 棋牌室 赌',
    },
    ['黄赌毒', '赌博'],
  ),
  category(
    'police.household',
    'police',
    '户籍证件',
    {
      5: '户籍 户口 落户 迁户 上户 户口本 户口簿 身份证 居住证 暂住证 出入境 护照 港澳通行证 签证 户口迁移 户籍管理 入户 迁户口',
      3: '改名 改名字 姓名变更 更名 出生证明 流动人口 分户 户口登记 亲属关系证明',
    },
    ['户籍证件', '户籍管理', '身份证管理', '出入境管理', '流动人口管理'],
  ),
  category(
    'police.traffic',
    'police',
    '交通管理',
    {
      5: '交警 交警大队 交警支队 交通事故 驾驶证 驾照 驾考 科目一 科目二 科目三 科目四 车管所 酒驾 醉驾 交通违法 肇事 肇事逃逸 违章 闯红灯 违停 违章停车 乱停乱放 扣分 罚单 电子眼 上牌 车牌 牌照 行驶证 机动车登记',
      3: '超载 超速 限速 逆行 飙车 渣土车 货车 摩托车 电动车 非机动车 红绿灯 信号灯 斑马线 测速 减速带 车辆年检 年审 抓拍 违法停车 拥堵 堵车 停车',
      4: '科一 科二 科三 科四 考场 练车 车辆过户 乱停车 停车难 乱停 禁止鸣笛 鸣笛 禁鸣 交通秩序 交通乱象 交通问题 无证驾驶 交通安全',
      1: '机动车 车辆 交通 停放',
    },
    ['交通管理', '交通事故', '机动车和驾驶员管理', '交通安全管理'],
  ),
  category(
    'police.conduct',
    'police',
    '警务督察',
    {
      5: '警务督察 刑讯逼供 民警态度 警察不作为 派出所不作为 乱罚款 暴力执法',
      3: '看守所 拘留 拘留所 刑事拘留 行政拘留 立案侦查 侦查 嫌疑人 犯罪嫌疑人 取保候审 刑事案件 犯罪',
    },
    ['警务督察', '警务执法', '刑讯逼供', '包庇违法违纪人员', '超期羁押', '立案侦查', '强制措施'],
  ),
  category('police.lost', 'police', '失物招领', { 3: '失物 遗失 捡到 丢失 丢了 拾到 招领' }, ['失物招领']),

  // 检察院 procuratorate
  category(
    'procuratorate.appeal',
    'procuratorate',
    '控告申诉',
    {
      5: '检察院 检察官 检察 检察机关 12309 控告 抗诉 不起诉 批捕 批准逮捕 公诉 刑事申诉 控告申诉',
      3: '逮捕 起诉书',
      1: '申诉',
    },
    ['刑事诉讼'],
  ),
  category(
    'procuratorate.supervision',
    'procuratorate',
    '法律监督',
    {
      5: '法律监督 立案监督 审判监督 执行监督 侦查监督 民事监督 枉法裁判 违法办案 有案不立 超期羁押 监督纠正',
    },
    ['刑罚执行', '监狱管理'],
  ),
  category('procuratorate.public-interest', 'procuratorate', '公益诉讼', {
    6: '公益诉讼 国有资产流失 检察建议',
    3: '国有资产 侵害公共利益 公共利益',
  }),
  category('procuratorate.juvenile', 'procuratorate', '未成年人保护', {
    4: '未成年人保护 校园欺凌 性侵 虐待儿童',
    2: '未成年人 未成年 儿童 留守儿童',
  }),
  category('procuratorate.duty-crime', 'procuratorate', '司法人员职务犯罪', {
    5: '职务犯罪 司法人员 徇私枉法 滥用职权罪 玩忽职守罪',
    2: '受贿',
  }),
  category('procuratorate.business', 'procuratorate', '涉企保护', {
    4: '涉企 营商环境 涉企案件 企业家权益 民营企业 冤错案件',
  }),

  // 法院 court
  category(
    'court.filing',
    'court',
    '立案',
    {
      6: '网上立案 立案庭 起诉状 诉状 立案登记',
      4: '立案 起诉 上诉 再审 诉讼时效 诉前调解 诉前',
      2: '打官司 官司',
    },
    ['立案'],
  ),
  category(
    'court.litigation',
    'court',
    '诉讼服务',
    {
      6: '法院 人民法院 中院 法官 开庭 庭审 判决书 裁定书 传票 诉讼费 审判 12368 诉讼服务中心',
      4: '诉讼 判决 裁定 审理 审限 案件进度 审判进度 民事诉讼 行政诉讼 离婚诉讼 送达 调解书 判了 一审 二审',
    },
    ['诉讼', '民事诉讼', '行政诉讼'],
  ),
  category(
    'court.enforcement',
    'court',
    '执行',
    {
      6: '执行难 强制执行 申请执行 被执行人 失信被执行人 老赖 执行款 执行局 执行法官 限制高消费 执行案件 执行庭',
      3: '查封 冻结 拍卖 限高 执行',
    },
    ['生效法律文书执行', '执行'],
  ),

  // 司法局 justice bureau
  category(
    'justice.mediation',
    'justice',
    '人民调解',
    {
      5: '人民调解 调解员 调委会 调解委员会 邻里纠纷 家庭纠纷 婚姻纠纷 矛盾纠纷 邻居纠纷',
      3: '调解 纠纷 邻里 矛盾',
    },
    ['仲裁与调解', '司法调解'],
  ),
  category(
    'justice.legal-aid',
    'justice',
    '法律援助',
    { 6: '法律援助 法援 12348 法律援助中心 免费律师 援助律师', 3: '请不起律师' },
    ['法律援助'],
  ),
  category('justice.notary', 'justice', '公证', { 6: '公证 公证处 公证书 公证员' }, ['公证']),
  category(
    'justice.lawyer',
    'justice',
    '律师',
    { 5: '律师 律所 律师事务所 律师费 代理律师', 2: '法律服务所 法律工作者' },
    ['律师'],
  ),
  category(
    'justice.appraisal',
    'justice',
    '司法鉴定',
    { 6: '司法鉴定 伤残鉴定 亲子鉴定 鉴定机构 伤情鉴定 精神鉴定' },
    ['司法鉴定'],
  ),
  category(
    'justice.corrections',
    'justice',
    '社区矫正',
    { 6: '社区矫正 矫正人员 安置帮教 刑满释放', 3: '缓刑 假释 矫正' },
    ['社区矫正'],
  ),
  category(
    'justice.education',
    'justice',
    '普法与法律顾问',
    { 5: '普法 法治宣传 法制宣传 法律顾问 法律咨询 法律知识 村居法律顾问', 2: '法律' },
    ['法制建设', '法制宣传', '法律服务'],
  ),
  category(
    'justice.reconsideration',
    'justice',
    '行政复议',
    { 6: '行政复议 复议申请 复议决定 司法局 司法所', 3: '复议' },
    ['行政复议', '不服决定', '复议申请', '决定执行'],
  ),

  // 政法委 committee
  category(
    'committee.fairness',
    'committee',
    '执法司法不公',
    { 6: '执法不公 司法不公 司法腐败 政法委 案件评查 保护伞 冤假错案 错案 冤案 枉法', 3: '不公正 偏袒 徇私' },
    ['司法改革'],
  ),
  category('committee.petition', 'committee', '信访协调', {
    5: '信访 上访 涉法涉诉 越级上访 多次上访 重大矛盾 群体性',
    3: '多部门 推诿 踢皮球 无人管',
  }),
  category('committee.grid', 'committee', '网格化治理', {
    5: '网格 网格员 网格化 综治 综治中心 平安建设 一格四警',
    2: '基层治理',
  }),

  // 转办 departments outside the political-legal system
  department(
    'dept.housing',
    '住房和城乡建设局',
    {
      4: '物业 物业公司 物业费 业委会 业主委员会 开发商 楼盘 房产证 不动产证 商品房 维修基金 公积金 棚改 棚户区 安置房 保障房 公租房 廉租房 违章建筑 违建 烂尾楼 交房 购房 房价 电梯 小区 征收 拆迁 拆迁户 征拆',
      2: '业主 房屋 住房 楼 施工 工地 装修 房产 房子 建设 工程 质量 房 买房 售楼 漏水 渗水 加装 危房 改造 项目',
    },
    [
      '城乡建设',
      '住房保障与房地产',
      '国有土地上房屋征收与补偿',
      '建筑市场',
      '工程质量',
      '集体土地上房屋拆迁与补偿',
    ],
  ),
  department(
    'dept.hr',
    '人力资源和社会保障局',
    {
      4: '工资 拖欠工资 欠薪 社保 养老保险 医保 医疗保险 退休 养老金 劳动合同 劳动仲裁 工伤 五险一金 职称 失业保险 人社 农民工 事业单位 编制 招聘 考编 社保卡 退休金',
      2: '就业 人才 培训 待遇 辞退 加班 补贴 上班 公司 员工 单位 职工 合同 考试 公务员 聘用 转正 工作',
    },
    ['劳动和社会保障', '劳动关系', '工资福利', '退休政策及待遇', '劳动仲裁', '人事仲裁'],
  ),
  department(
    'dept.education',
    '教育局',
    {
      4: '学校 学生 老师 教师 幼儿园 入学 学位 小学 中学 初中 高中 补课 招生 学区 学费 校车 教育局 班主任 中考 高考 民办 公办 择校 校长 上学 家长 孩子读书 课外 学籍 教育 校区 学院 大学 毕业生 职校 培训机构',
      2: '读书 孩子 考试 上课 课程 食堂',
    },
    ['教育文体', '教育收费', '考试招生', '教育行政管理', '教师队伍和待遇', '失学辍学', '教育体制'],
  ),
  department(
    'dept.health',
    '卫生健康委员会',
    {
      4: '医院 医生 医疗 看病 卫生院 疫苗 计生 生育 诊所 医患 护士 卫健委 卫生局 医疗事故 住院 手术 病人 患者 药品 药 社保医疗 独生子女 计划生育 二胎 卫生室 村医 新生儿 出生医学证明 门诊 慢性病',
      2: '卫生 健康 疾病 治疗',
    },
    ['卫生计生', '医患纠纷', '医政监管', '公共卫生', '人口计生', '食品药品监管'],
  ),
  department(
    'dept.environment',
    '生态环境局',
    {
      4: '污染 排污 废气 废水 臭气 油烟 环保 环评 粉尘 垃圾焚烧 化工厂 水质 噪声 噪音 异味 恶臭 排放 污水 黑烟 环境污染 辐射 扬尘 环保局',
      2: '空气 臭味 河道 养猪 养殖场 工厂 厂 灰尘',
    },
    ['环境保护', '环境污染', '环保管理', '建设项目审批'],
  ),
  department(
    'dept.market',
    '市场监督管理局',
    {
      4: '市场监管 工商 营业执照 消费者 食品安全 假冒 虚假宣传 乱收费 商家 退款 质量问题 保健品 药店 超市 价格 收费标准 无证经营 霸王条款 消费 商户 售后 假货 缺斤少两 预付卡 办卡 健身房',
      2: '收费 店 商场 餐馆 饭店 市场 产品 购买 商品 退费 合同 公司 承诺',
    },
    ['商贸旅游', '市场监管', '商业贸易', '质监检验检疫'],
  ),
  department(
    'dept.transport',
    '交通运输局',
    {
      4: '驾校 驾培 公交 公交车 公交站 出租车 的士 网约车 客运 班车 修路 公路 高速 桥梁 地铁 车站 汽车站 线路 站点 高铁 火车 航班 机场 运管 路面 路段 道路 硬化 通车',
      2: '路 交通 桥 站 车 停车场 停车位 出行',
    },
    ['交通运输', '出租车管理', '客货运输', '公共汽车', '地铁城铁'],
  ),
  department(
    'dept.urban',
    '城市管理和综合执法局',
    {
      4: '城管 占道经营 路灯 井盖 绿化 环卫 垃圾 摊贩 夜宵 广告牌 停水 停电 自来水 供水 电费 水费 燃气 天然气 供电 暖气 供暖 下水道 排水 积水 化粪池 公厕 厕所 垃圾站 市容 流动摊 门面 占道 水压 电力 水管 管道',
      2: '市政 设施 卫生 清扫 树 公园 广场 路边 沿街 噪音',
    },
    ['城市建设和市政管理', '城管执法', '园林绿化环卫', '城市公共设施', '燃气供应', '电力供应', '自来水供应'],
  ),
  department(
    'dept.land',
    '自然资源和规划局',
    {
      4: '土地 征地 宅基地 林权 国土 规划 用地 土地证 确权 耕地 占地 山林 规划局 容积率 红线 地块 林地 采砂 采矿 矿山 挖沙 一户一宅',
      2: '地 山 林',
    },
    ['国土资源', '土地征收', '土地资源管理', '城乡规划', '矿产资源管理', '违章建筑'],
  ),
  department(
    'dept.agriculture',
    '农业农村局',
    {
      4: '扶贫 农业 种植 养殖 贫困户 农村 村民 村委会 村委 村支书 村干部 村组 合作社 农民 农田 水利 村级 村里 组里 村道 农产品 惠农 精准扶贫 脱贫',
      2: '村 乡 镇 组 田 水库',
    },
    ['农村农业', '扶贫开发', '村务管理', '惠农补贴', '土地承包经营', '水利水电'],
  ),
  department(
    'dept.civil',
    '民政局',
    {
      4: '低保 养老院 敬老院 婚姻登记 殡葬 居委会 残疾 残疾人 救助 福利 老人 高龄补贴 社区 特困 孤儿 五保 优抚 退役军人 军人 老兵 地名 门牌 墓地 优待证 转业',
      2: '老年人 困难 帮扶 补助',
    },
    ['民政', '社会救助', '优抚', '复退安置', '区划地名', '基层选举和社区建设', '福利慈善', '社会服务'],
  ),
  department(
    'dept.finance',
    '税务与金融监管部门',
    {
      4: '纳税 税务 发票 银行 贷款 理财 财政 税 保险公司 信用卡 征信 P2P 网贷 平台 投资 股票 基金 利息 借款',
      2: '钱 资金 款',
    },
    ['经济管理', '金融财税', '保险证券期货', '国资监管', '企业破产'],
  ),
  department(
    'dept.culture',
    '文化和旅游局',
    { 4: '旅游 景区 景点 文物 博物馆 图书馆 体育 体育馆 健身 文化 网吧 演出 KTV 广场舞 游客', 2: '活动' },
    ['文化', '旅游管理', '体育', '文物管理'],
  ),
  department(
    'dept.discipline',
    '纪委监委',
    {
      4: '贪污 腐败 干部作风 村干部 吃拿卡要 违纪 滥用职权 失职渎职 公款 纪委 挪用 侵占 作风 贿赂 行贿 公车',
      2: '干部 领导 书记 镇长 乡长 官员 不作为',
    },
    ['纪检监察', '贪污贿赂', '失职渎职', '干部作风', '党政处分'],
  ),
  department(
    'dept.telecom',
    '工业和信息化局（通信管理）',
    { 4: '信号 宽带 基站 电信 移动 联通 网络 手机 通信 光纤 5G', 2: '网' },
    ['科技与信息产业', '电信', '信息化建设'],
  ),
  department(
    'dept.safety',
    '应急管理局',
    { 4: '安全生产 安全隐患 消防 火灾 应急 危化品 烟花爆竹 爆炸 事故隐患', 2: '安全' },
    ['安全生产', '安全隐患', '事故处理', '消防安全'],
  ),

  channel('12368', 'court', '12368 诉讼服务热线'),
  channel('12309', 'procuratorate', '12309 检察服务热线'),
  channel('12348', 'justice', '12348 公共法律服务热线'),
  channel('110', 'police', '110 非紧急警情转办'),
];

export const DEFAULT_RULE_SET_VERSION = 'default-2';

export const DEFAULT_RULE_SET: RuleSet = { version: DEFAULT_RULE_SET_VERSION, rules: DEFAULT_RULES };
