"""Build multi_dev.tsv / multi_holdout.tsv from the hand-written question list.

The questions below were written by reading the documents in corpus/ only
(no retriever was run).  Each answerable row gives a short substring that a
correct answer must contain and the corpus file that holds it; unanswerable
rows have empty expected and source.

Twenty-two batches, each shuffled with its own fixed seed; all but the fourth are split in half
(first half -> multi_dev.tsv, second half -> multi_holdout.tsv):

- batch 1 (ANSWERABLE + UNANSWERABLE, 138 questions over the first 13
  documents): random.Random(20261203).  These rows come first in both files
  and are exactly the rows of the original split.
- batch 2 (NEW_ANSWERABLE + NEW_UNANSWERABLE, 120 questions over all 18
  documents, written later by an AI helper session, blind like batch 1):
  random.Random(20261205),
  appended after batch 1, so adding it changed no existing row.
- batch 3 (THIRD_ANSWERABLE + THIRD_UNANSWERABLE, 100 questions over all 20
  documents, by another AI helper session, blind, in more varied wording):
  random.Random(20261206), appended after batch 2.
- batch 4 (FOURTH_ANSWERABLE + FOURTH_UNANSWERABLE, 60 questions, 40 of them
  unanswerable near misses, by a further AI helper session, blind):
  random.Random(20261207), NOT split: all 60 rows are appended to
  multi_dev.tsv only (it probes "not found" answers for development);
  multi_holdout.tsv is unchanged by it.
- batch 5 (FIFTH_ANSWERABLE + FIFTH_UNANSWERABLE, 80 questions, written blind
  by another AI helper session after five more documents were added, 40 of
  the answerable ones on those five): random.Random(20261208), split in half
  and appended after batch 4 in multi_dev.tsv and after batch 3 in
  multi_holdout.tsv, so no existing row moves.
- batch 6 (SIXTH_ANSWERABLE + SIXTH_UNANSWERABLE, 80 questions, written blind
  by another AI helper session after five more documents were added (30 in
  all), 40 of the answerable ones on those five): random.Random(20261210),
  split in half and appended after batch 5 in both files, so no existing row
  moves.
- batch 7 (SEVENTH_ANSWERABLE + SEVENTH_UNANSWERABLE, 100 questions, written
  blind by another AI helper session after six more documents were added (36
  in all), 38 of the answerable ones on those six): random.Random(20261211),
  split in half and appended after batch 6 in both files, so no existing row
  moves.
- batch 8 (EIGHTH_ANSWERABLE + EIGHTH_UNANSWERABLE, 102 questions, written
  blind by another AI helper session after five more documents were added (41
  in all: Guangzhou public rental housing, Zhongshan medical insurance and
  residents' pension, Dongguan maternity insurance), 42 of the answerable ones
  on those five): random.Random(20261212), split in half and appended after
  batch 7 in both files, so no existing row moves.
- batch 9 (NINTH_ANSWERABLE + NINTH_UNANSWERABLE, 104 questions, written
  blind by another AI helper session after five more documents were added (46
  in all: the Jiangsu social insurance contribution regulation and the
  employment promotion regulations of Chengdu, Tianjin, Chongqing and Hohhot),
  55 of the 69 answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261213), split in half and appended after batch 8 in both
  files, so no existing row moves.
- batch 10 (TENTH_ANSWERABLE + TENTH_UNANSWERABLE, 100 questions, written
  blind by another AI helper session after five more documents were added (51
  in all: Shanghai Huangpu district incubator bases with subsidy amounts, the
  Ningxia entrepreneurship and employment regulation, the Benxi employment
  promotion regulation, the Shenzhen Longgang primary school place guide and
  the Dongguan school place tables), 55 of the 65 answerable ones on those
  five, 35 unanswerable near misses): random.Random(20261214), split in half
  and appended after batch 9 in both files, so no existing row moves.
- batch 11 (ELEVENTH_ANSWERABLE + ELEVENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (56 in all: the Henan vocational training regulation, the Yanbian
  employment promotion regulation, the Foshan rules for non-resident
  children's places in public schools (with the talent categories), the
  Zhongshan 2015 points-based hukou/school quota table and the Shenzhen plan
  for migrant children's senior-high entrance exam), 56 of the 65 answerable
  ones on those five, 35 unanswerable near misses): random.Random(20261215),
  split in half and appended after batch 10 in both files, so no existing
  row moves.
- batch 12 (TWELFTH_ANSWERABLE + TWELFTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (61 in all: the Zhejiang employment promotion regulation (2024), the
  Anhui regulation on platform ("new forms of employment") workers' rights
  (2025), and three Beijing wage texts: the 2025 minimum wage notice, the
  Q&A explainer of the 2023 minimum wage notice and the table of full-caliber
  average wages 2018-2025), 57 of the 65 answerable ones on those five, 35
  unanswerable near misses): random.Random(20261216), split in half and
  appended after batch 11 in both files, so no existing row moves.
- batch 13 (THIRTEENTH_ANSWERABLE + THIRTEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (66 in all: the Shaanxi employment promotion regulation, the Jiangxi
  residence permit rules (with Nanchang hukou conditions), the Fuzhou notice
  unifying urban and rural residents' medical insurance (with reimbursement
  tables), the Hubei housing department's guidance on migrant workers'
  housing (public rental housing, housing provident fund) and a Nanfang Daily
  explainer of the Huizhou urban and rural residents' pension measures), 59 of
  the 65 answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261217), split in half and appended after batch 12 in both
  files, so no existing row moves.
- batch 14 (FOURTEENTH_ANSWERABLE + FOURTEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (71 in all: the Gansu employment promotion regulation (2021), the
  Heilongjiang notice on hukou reform (2014, settlement conditions by city),
  the Shenzhen rules for urban residents' pension insurance (2012, ten
  contribution levels with their subsidies), the Guangzhou service guide for
  moving between urban-rural residents' and employees' pension insurance
  (2015) and the Panyu district points table for migrant workers' children's
  public school places (2016, as a markdown table)), 56 of the 65 answerable
  ones on those five, 35 unanswerable near misses): random.Random(20261218),
  split in half and appended after batch 13 in both files, so no existing
  row moves.
- batch 15 (FIFTEENTH_ANSWERABLE + FIFTEENTH_UNANSWERABLE, 101 questions,
  written blind by another AI helper session after five more documents were
  added (76 in all: the Shanghai Fengxian district public rental housing
  rules (2022, for young employees and recruited talent: 8 in 10 of market
  rent, at most 6 years), the Shanghai rules for "homes of the city's
  builders and managers" (2025, dormitory beds for front-line workers and
  new graduates), a Beijing Youth Daily explainer with a Q&A on the Beijing
  work residence permit ("Beijing green card", 2016), the Chengdu police's
  official explainer of the Chengdu residence permit measures (2016) and the
  Ningbo Beilun district service guide for the talent residence permit), 46
  of the 66 answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261219), split in half and appended after batch 14 in
  both files, so no existing row moves.
- batch 16 (SIXTEENTH_ANSWERABLE + SIXTEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (81 in all: the Shanghai housing provident fund contribution rules
  (2023: from the second month of a first job, base between the minimum wage
  and 3 times the average wage), the Hangzhou notice on the Binjiang district
  residence permit pilot (2015: temporary and full permits, 6 months of work
  and social insurance, points), the Dongguan service guide for the talent
  class residence permit (2016), and two stored beginnings of Hunan web
  pages: the provincial youth league's three-year plan for "youth stations"
  (free stays of at least 7 days for graduates within 3 years) and a Xiaoxiang
  Morning Herald report on the explainer of the "young-people-friendly
  province" opinions), 47 of the 65 answerable ones on those five, 35
  unanswerable near misses): random.Random(20261220), split in half and
  appended after batch 15 in both files, so no existing row moves.
- batch 17 (SEVENTEENTH_ANSWERABLE + SEVENTEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (86 in all: the Suzhou points rules for migrants (2016: hukou,
  school places and children's medical insurance by points), the Chongqing
  residence permit measures (2016), the Xinjiang opinions on hukou reform
  (2014: open settlement in county towns and small towns, one year of renting
  and social insurance, no conditions in southern Xinjiang, Urumqi
  controlled), the Sichuan rules on registering migrants' information (2014:
  24 hours for landlords and employers, fines) and the one-page Ningbo
  residence permit service guide), 48 of the 65 answerable ones on those
  five, 35 unanswerable near misses): random.Random(20261221), split in half
  and appended after batch 16 in both files, so no existing row moves.
- batch 18 (EIGHTEENTH_ANSWERABLE + EIGHTEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (91 in all: a 2015 explainer of Xiamen's hukou rules with a question
  and answer (graduates with a bachelor's degree and a receiving employer,
  junior college graduates in short-supply majors, the closed talent centre
  collective hukou, 5 or 8 years of residence permit and pension), the
  State Council regulation on registering market entities (2021: registration
  on the spot or within 3 working days, electronic licence, one address,
  suspension for at most 3 years, simple deregistration), the Guangzhou
  start-up subsidies for graduates (2025: 10000 yuan once, contest awards,
  6000 yuan a year of rent, jobs created), the Guangzhou human resources
  bureau's questions and answers on moving employees' pension insurance
  (2025: no transfer inside Guangdong since 2021-04-01, men under 50 and women
  under 40, online channels) and the Guizhou human resources market
  regulation (deposits, licence in 20 days, personal data)), 52 of the 65
  answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261222), split in half and appended after batch 17 in both
  files, so no existing row moves.
- batch 19 (NINETEENTH_ANSWERABLE + NINETEENTH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (96 in all: the Guangzhou human resources bureau's 2026 guide for
  graduates settling by degree (a table of degree and age limit: doctorate
  under 50, master under 45, full-time bachelor with degree or a recognised
  foreign bachelor under 40, no points, social insurance currently paid,
  review in 15 working days and 5 working days of publicity), the Guangzhou
  implementing rules of the talent hukou measures (2022: online filing,
  acceptance on the 6th working day, 20 working days for objections,
  back-paid contributions not continuous, fresh graduates apply to the
  district police), the Guangzhou 2026 guide to back-paying social insurance
  (employer via the tax office, individual participation, deferred payment,
  fraud fined 2 to 5 times), the Hebei measures implementing the employment
  promotion law (2009: employment registration in 30 days, unemployment
  registration in 15 days, six months after leaving school, internship
  posts) and the Yunnan regulation on employees' basic pension insurance
  (1998, revised 2024: 0.05% a day late fee, 15 years for a monthly
  pension, the whole individual account moves with the worker)), 50 of
  the 65 answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261223), split in half and appended after batch 18 in
  both files, so no existing row moves.
- batch 20 (TWENTIETH_ANSWERABLE + TWENTIETH_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (101 in all: the Harbin regulation on outdoor work in the cold season
  (2021: December to February, a low-temperature allowance of at least 200
  yuan a month from the employer's costs, no pay cut for it, collective
  negotiation of the posts), the Baotou human resources market regulation
  (2003, revised 2014: 30 square metres and three staff with a college
  degree for an agency, no deposits or withheld certificates, 500 to 2000
  yuan fines, 20 days to approve a job fair, 10 working days to answer a
  report), the Quanzhou education bureau's 2016 opinion on primary school
  enrolment in Licheng and Fengze (an HTML page whose whole body is one
  paragraph broken by <br />: born before 2010-08-31, the two certificates
  for migrant workers' children, registration days in July, 45 pupils a
  class), the Tianhe district guide to registering a rental contract (an
  HTML page with questions and answers and a 21-row table of street service
  centres: within 30 days, either party, agencies register, online filing
  receipt number, sublease and 20-year limits) and the Guangzhou 2025
  notice that maternity allowance is paid to the employee directly (own
  application from 2025-12-01, hospital discharge record, employer tops up
  a lower allowance)), 50 of the 65 answerable ones on those five, 35
  unanswerable near misses): random.Random(20261224), split in half and
  appended after batch 19 in both files, so no existing row moves.
- batch 21 (TWENTYFIRST_ANSWERABLE + TWENTYFIRST_UNANSWERABLE, 100 questions,
  written blind by another AI helper session after five more documents were
  added (106 in all), this time on the deployment's own province: four
  Jiangsu regulations (the employment promotion regulation (2022: internship
  subsidies and rewards for keeping interns, the start-up loan guarantee
  fund, fee waivers in government incubators, no limits on full-time or
  part-time study for state employers, technical school classes counted as
  secondary, college or bachelor degrees, a 10000 to 50000 yuan fine for
  discriminatory job ads), the human resources market regulation (2025: no
  deposits or withheld ID cards, no fees for personnel files, service ledgers
  kept two years and online job ads three years), the labour contract
  regulation (2013: the contract handed over in 5 working days, probation
  suspended by sick leave, non-compete pay at least a third for at most two
  years, 8 hours a day for internships, part-time work up to 24 hours a
  week) and the wage payment regulation (revised 2026: a pay period of at
  most a month, 150/200/300 per cent overtime, 20 per cent deductions, sick
  pay at least 80 per cent of the minimum wage, 7 working days to decide on
  a report)) and one Jiangsu city's (the Xuzhou regulation on trade union
  supervision of labour law (2008, revised 2022)); about a third of the
  Jiangsu questions name no place, so the deployment's region (Jiangyan,
  in Taizhou, Jiangsu) must be read as covered by them, others name
  Taizhou, Jiangyan or Jiangsu, and several unanswerable ones ask Taizhou
  what only the Xuzhou, Suzhou, Zhejiang or Hunan documents state), 50 of the
  65 answerable ones on those five, 35 unanswerable near misses):
  random.Random(20261225), split in half and appended after batch 20 in both
  files, so no existing row moves.
- batch 22 (TWENTYSECOND_ANSWERABLE + TWENTYSECOND_UNANSWERABLE, 100
  questions, written blind by another AI helper session after five more
  documents were added (111 in all): two more Jiangsu regulations (the
  regulation on supervising social insurance funds (2016, revised 2020:
  employers tell staff what they pay, free personal records, reporting and
  rewards, a daily late fee of 0.05 per cent, two to five times the amount
  obtained by fraud) and the occupational disease regulation (revised 2024:
  health checks before, during and after exposed work, protective gear not
  replaced by money, diagnosis cannot be refused, yearly hazard testing for
  serious hazards)), a Jiangsu city's (the Wuxi regulation on collective
  wage bargaining (2011: three to nine representatives a side, terms of at
  least three years, an answer within 20 days, front-line pay rises not
  below the average, 90 per cent able to meet piece-work quotas)), a table
  of amounts (Beijing's 2025 unemployment benefit notice: 2129 to 2286 yuan
  a month by years paid) and an HTML page (Guangzhou's guide to registering
  for medical treatment elsewhere: no advance payment, approval in 2
  working days); several unanswerable ones ask Taizhou or Jiangyan what only
  the Wuxi, Beijing or Guangzhou documents state), 50 of the 65 answerable
  ones on those five, 35 unanswerable near misses): random.Random(20261226),
  split in half and appended after batch 21 in both files, so no existing
  row moves.

Three unanswerable rows of earlier batches (one in multi_dev.tsv, two in
multi_holdout.tsv: the minimum non-compete pay, the minimum sick pay and the
rate for weekend overtime, all asked without a place) are answered for the
deployment's region by batch 21's Jiangsu regulations, and a fourth (in
multi_holdout.tsv: the daily late fee for Jiangsu social insurance, batch 9)
by batch 22's Jiangsu regulation on social insurance funds; RELABELLED fills
in their expected and source in place, so they keep their rows.

Run:  python3 knowledge/eval/build_multi_eval.py
"""

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

SZ1 = "深圳市人才引进实施办法.md"
SZ2 = "深圳市人才引进综合评价分值表（2017年）.md"
BJ1 = "北京市积分落户管理办法（试行）.md"
GZ = "广州市积分制入户管理办法.md"
DG1 = "东莞市积分人才入户申办指引.md"
DG2 = "关于扩大住房保障范围的通知（东建住保〔2016〕8号）.md"
GW = "国务院办公厅关于印发推动1亿非户籍人口在城市落户方案的通知.md"
JZZ = "居住证暂行条例.md"
QA = "国务院法制办就《居住证暂行条例》热点问题答记者问.md"
BJ2 = "北京市实施《居住证暂行条例》办法.md"
SH1 = "上海市促进就业若干规定.md"
SH2 = "上海市人才流动条例.md"
JY = "2023年姜堰区人才工作综述.txt"
# Added with batch 2 (sources in corpus/README.md).
FS = "佛山市新市民积分制服务管理办法.md"
FZ = "福州市人民政府办公厅关于积极稳妥推进户籍管理制度改革有关工作的通知.md"
BJ3 = "北京市人才市场管理条例.md"
GW2 = "国务院关于进一步推进户籍制度改革的意见.md"
SZ3 = "深圳市户籍迁入若干规定.md"
# Added with batch 3 (sources in corpus/README.md).
FJ = "福建省实施《居住证暂行条例》办法.md"
HZ = "惠州市办理异地务工人员积分入户具体事项.md"
# Added with batch 5 (sources in corpus/README.md).
SZJ = "深圳市居住登记和居住证办理规定.md"
SZH = "深圳市住房保障发展规划（2011—2015）.md"
LG = "上海市人民政府关于深化完善“双特”政策支持临港地区新一轮发展的若干意见.md"
BJY = "北京市就业援助规定.md"
NXJ = "企业职工带薪年休假实施办法.md"
# Added with batch 6 (sources in corpus/README.md).
SDR = "山东省人才发展促进条例.md"
SDH = "山东省人力资源市场条例.md"
HNJ = "河南省就业促进条例.md"
HNR = "河南省人才流动条例.md"
ZJJ = "浙江省流动人口居住登记条例.md"
# Added with batch 7 (sources in corpus/README.md).
BJH = "北京市人民政府关于进一步推进户籍制度改革的实施意见.md"
XMR = "厦门市教育局关于印发厦门市进城务工人员随迁子女小学积分入学办法指导意见的通知.md"
XMY = "厦门市《关于妥善解决有关人员基本医疗保险问题的通知》文件解读.md"
HCR = "惠州市惠城区《2016年异地务工人员随迁子女申请积分入读义务教育阶段公办学校起始年级公告》解读.md"
BJJ = "北京市专业技术人员继续教育规定.md"
JXZ = "嘉兴市住房租赁管理若干规定.md"
# Added with batch 8 (sources in corpus/README.md).
GZP = "广州市公共租赁住房轮候配租实施细则.md"
GZH = "广州市人民政府办公厅关于加强户籍家庭住房保障工作的实施意见.md"
ZSY = "中山市人民政府办公室关于将义务教育阶段非本市户籍已积分入学学生纳入我市社会医疗保险参保范围的通知.md"
ZSL = "中山市城乡居民基本养老保险实施办法.md"
DGS = "东莞市关于贯彻落实《广东省职工生育保险规定》有关事项的通知.md"
# Added with batch 9 (sources in corpus/README.md).
JSB = "江苏省社会保险费征缴条例.md"
CDJ = "成都市就业促进条例.md"
TJJ = "天津市就业促进条例.md"
CQJ = "重庆市就业促进条例.md"
HHJ = "呼和浩特市就业促进条例.md"
# Added with batch 10 (sources in corpus/README.md).
HPC = "上海市黄浦区创业孵化基地办公好去处，等你来翻牌！.md"
NXC = "宁夏回族自治区创业与就业促进条例.md"
BXJ = "本溪市就业促进条例.md"
LGX = "深圳市龙岗区2016年义务教育阶段小学一年级学位申请指南.md"
DGX = "2013-2014年东莞市新莞人子女积分制入学学位供给情况公布.md"
# Added with batch 11 (sources in corpus/README.md).
HNP = "河南省职业培训条例.md"
YBJ = "延边朝鲜族自治州就业促进条例.md"
FSJ = "佛山市非户籍常住人口子女入读义务教育公办学校实施办法.md"
ZSZ = "2015年度中山市积分入户入学指标数公告.md"
SZK = "深圳市2014-2016年非本市户籍就业人员随迁子女接受义务教育后在我市参加中考的工作方案.md"
# Added with batch 12 (sources in corpus/README.md).
ZJC = "浙江省就业促进条例.md"
AHX = "安徽省新就业形态劳动者劳动权益保障规定.md"
BJW = "关于调整北京市2025年最低工资标准的通知.md"
BJQ = "解读问答《关于调整北京市2023年最低工资标准的通知》.md"
BJP = "历年北京市全口径城镇单位就业人员平均工资.md"
# Added with batch 13 (sources in corpus/README.md).
SXJ = "陕西省就业促进条例.md"
JXR = "江西省居住证制度实施细则.md"
FZY = "福州市关于城乡居民基本医保政策一体化实施方案.md"
HBZ = "湖北省关于解决农民工住房问题的指导意见.md"
HZY = "《惠州市城乡居民基本养老保险暂行办法》出炉.md"
# Added with batch 14 (sources in corpus/README.md).
GSJ = "甘肃省就业促进条例.md"
HLJH = "黑龙江省人民政府关于进一步推进户籍制度改革工作的通知.md"
SZJM = "深圳市人民政府关于印发深圳市实施《广东省城镇居民社会养老保险试点实施办法》细则的通知.md"
GZSJ = "广州市城乡养老保险制度衔接之转入和转出.md"
PYJF = "番禺区外来务工人员子女积分申请入读公办学校起始年级积分项目及标准一览表.md"
# Added with batch 15 (sources in corpus/README.md).
FXG = "上海市奉贤区公共租赁住房管理办法.md"
SHJ = "上海市新时代城市建设者管理者之家项目认定和运营管理规定（试行）.md"
BJGJ = "最新北京工作居住证申办条件出炉 无需提交社保记录.md"
CDJD = "关于《成都市居住证管理实施办法解读》的解读文本.md"
NBBL = "宁波市北仑区引进人才居住证.md"
# Added with batch 16 (sources in corpus/README.md).
SHGJ = "上海市住房公积金缴存管理办法.md"
HZBJ = "杭州市人民政府办公厅关于在滨江区开展居住证制度改革试点工作的通知.md"
DGRC = "东莞市居住证（人才类）办理指南.md"
HNYZ = "湖南省“青年驿站(大学生就业创业服务驿站)”建设三年行动方案.md"
HNYQ = "湖南省《关于建设年轻人友好省份的实施意见》政策解读发布会报道.md"

# Added with batch 17 (sources in corpus/README.md).
SZJF = "苏州市流动人口积分管理办法.md"
CQJZ = "重庆市居住证实施办法.md"
XJHJ = "关于进一步推进新疆户籍管理制度改革的实施意见.md"
SCLD = "四川省流动人口信息登记办法.md"
NBJZ = "宁波市居住证办理指南.md"

# Added with batch 18 (sources in corpus/README.md).
XMLH = "2015厦门户口新政策.md"
SCZT = "中华人民共和国市场主体登记管理条例.md"
GZCY = "广州市高校毕业生创业补贴，请查收.md"
GZYL = "广州市“社保服务进万家”问答课堂——如何进行企业基本养老保险转移.md"
QRLS = "贵州省人力资源市场条例.md"

# Added with batch 19 (sources in corpus/README.md).
GZXL = "广州市学历型人才引进入户申报指南.md"
GZXZ = "广州市引进人才入户管理办法实施细则.md"
GZBJ = "广州市社会保险费补缴相关政策及业务宣传指引.md"
HBJC = "河北省实施《中华人民共和国就业促进法》办法.md"
YNYL = "云南省企业职工基本养老保险条例.md"

# Added with batch 20 (sources in corpus/README.md).
HEBW = "哈尔滨市寒冷季节室外劳动保护规定.md"
BTRL = "包头市人力资源市场管理条例.md"
QZXX = "泉州市教育局关于2016年秋季中心市区小学招生工作的意见.html"
THZL = "广州市天河区房屋租赁登记备案攻略.html"
GZSY = "广州市生育津贴直接发放至个人.md"

# Added with batch 21 (sources in corpus/README.md).
JSJY = "江苏省就业促进条例.md"
JSRL = "江苏省人力资源市场条例.md"
JSHT = "江苏省劳动合同条例.md"
JSGZ = "江苏省工资支付条例.md"
XZGH = "徐州市工会劳动法律监督条例.md"

# Added with batch 22 (sources in corpus/README.md).
WXGZ = "无锡市企业工资集体协商条例.md"
JSJD = "江苏省社会保险基金监督条例.md"
JSZY = "江苏省职业病防治条例.md"
BJSY = "北京市人力资源和社会保障局关于调整失业保险金发放标准的通告.md"
GZYD = "广州市异地就医备案办理指引.html"

ANSWERABLE = [
    # 深圳市人才引进实施办法
    ("深圳人才引进本科生年龄卡多少岁", "45周岁以下", SZ1),
    ("大专学历想落户深圳，年龄有啥要求", "35周岁以下", SZ1),
    ("深圳人才引进交材料后多久出结果", "15个工作日", SZ1),
    ("深圳引进人才审核最长拖多久", "30个工作日", SZ1),
    ("在深圳申请人才引进造假会被禁几年", "5年内不得申办", SZ1),
    ("我是应届生，深圳这个人才引进实施办法管我吗", "应届毕业生除外", SZ1),
    ("高级职称引进深圳年龄上限多少", "50周岁以下", SZ1),
    ("技师资格能走深圳人才引进吗 几岁以内", "40周岁以下", SZ1),
    ("深圳人才引进可以不通过单位自己办吗", "个人申办", SZ1),
    ("深圳人才引进实施办法啥时候开始执行的", "2017年1月1日", SZ1),
    ("深圳人才引进前要先在深圳交社保吗", "依法缴纳社会保险", SZ1),
    ("按深圳综合评价分值测评要到多少分才能引进", "达到100分", SZ1),
    # 深圳市人才引进综合评价分值表（2017年）
    ("深圳人才引进积分表里全日制大专算几分", "70分", SZ2),
    ("非全日制本科在深圳积分能拿多少", "80分", SZ2),
    ("深圳引才积分 社保交一年加几分", "每满一年积3分", SZ2),
    ("深圳积分参保这一项最多拿多少分", "最高不超过30分", SZ2),
    ("30岁申请深圳人才引进测评年龄能加几分", "5分", SZ2),
    ("深圳引进人才有发明专利能加多少分", "积50分", SZ2),
    ("深圳人才引进有不良诚信记录扣几分", "每条扣40分", SZ2),
    ("42岁申请深圳人才引进年龄会扣分吗", "每增长1岁减2分", SZ2),
    ("深圳分值表个税三年交够多少能拿满分", "24万元以上", SZ2),
    ("单位帮我申办深圳人才引进有额外加分吗", "10分", SZ2),
    # 北京市积分落户管理办法（试行）
    ("北京积分落户社保得连续交几年", "7年及以上", BJ1),
    ("本科学历北京积分落户给几分", "15分", BJ1),
    ("硕士在北京落户积分教育背景多少分", "26分", BJ1),
    ("博士去北京积分落户学历能加多少", "37分", BJ1),
    ("北京积分落户45岁以下年龄加多少分", "加20分", BJ1),
    ("在北京租房住一年积分落户算多少分", "0.5分", BJ1),
    ("北京积分落户一年能申请几次", "每年申请一次", BJ1),
    ("在北京被行政拘留过积分落户扣几分", "减30分", BJ1),
    ("北京积分落户材料造假几年不能再申请", "5年内", BJ1),
    ("北京积分落户每交一年社保积几分", "积3分", BJ1),
    ("北京积分落户是找单位报还是自己报", "用人单位统一", BJ1),
    ("北京积分落户办法有效期到什么时候", "2019年12月31日", BJ1),
    ("从海淀搬到通州住，北京积分最多能加几分", "最高加6分", BJ1),
    ("北京积分落户个税每年交10万以上加几分", "加6分", BJ1),
    # 广州市积分制入户管理办法
    ("广州积分入户年龄上限多少", "不超过45周岁", GZ),
    ("广州积分入户社保要交满几年", "满4年", GZ),
    ("广州积分入户要办什么居住证", "广东省居住证", GZ),
    ("广州积分入户成功了老婆孩子能一起迁户口吗", "配偶、未成年子女", GZ),
    ("广州积分制入户管理办法有效期几年", "有效期1年", GZ),
    ("广州积分入户归哪个部门管", "来穗人员服务管理部门", GZ),
    ("在广州租的房子算合法稳定住所吗", "租赁备案手续", GZ),
    ("广州积分入户拿到入户卡后去哪办手续", "市公安机关", GZ),
    # 东莞市积分人才入户申办指引
    ("东莞积分入户一年中什么时候可以申请", "全年常态化受理", DG1),
    ("东莞积分入户公示多少天", "公示7天", DG1),
    ("东莞积分入户结果不服多久内能申请复核", "30个工作日内", DG1),
    ("社保不是在东莞交的能在东莞积分入户吗", "广东省内参加社会保险", DG1),
    ("东莞积分入户审批下来领什么证", "东莞市人才入户卡", DG1),
    ("有中介说能代办东莞积分入户靠谱吗", "从未委托任何商业机构", DG1),
    ("在东莞没买房，积分入户去哪申请", "工作单位所在镇街", DG1),
    ("东莞积分入户大专毕业证要交学历认证报告吗", "中国高等教育学历认证报告", DG1),
    # 关于扩大住房保障范围的通知（东莞）
    ("刚毕业在东莞上班能申请公租房吗 学历有啥要求", "大学本科及以上学历", DG2),
    ("东莞新就业职工公租房 工作几年内能申请", "新参加工作未满五年", DG2),
    ("东莞新就业申请公租房社保要交多久", "连续缴纳社保满1年", DG2),
    ("外地打工的在东莞申请公租房要在东莞干满几年", "工作满5年", DG2),
    ("东莞扩大住房保障范围从哪天开始", "2016年1月1日", DG2),
    ("东莞公租房是发补贴还是直接给房子住", "实物配租", DG2),
    ("东莞申请住房保障的表去哪下载", "东莞建设网", DG2),
    ("东莞低收入家庭人均住房面积低于多少能申请", "18平方米", DG2),
    ("在东莞享受过人才住房优惠还能申请公租房吗", "人才住房优惠政策", DG2),
    # 国务院办公厅 推动1亿非户籍人口在城市落户方案
    ("省会城市对大学毕业生落户还有限制吗", "全面放开对高校毕业生", GW),
    ("上大学能把户口迁到学校所在地吗", "将户口迁至高校所在地", GW),
    ("300万人口以下的城市能搞积分落户吗", "不得采取积分落户方式", GW),
    ("国家计划到2020年户籍人口城镇化率提到多少", "45％", GW),
    ("十三五期间每年要转户多少人", "1300万人以上", GW),
    ("大中城市可以要求买房才能落户吗", "不得采取购买房屋", GW),
    ("进城落户以后老家的宅基地会被收走吗", "不得强行要求", GW),
    ("1亿人口落户方案是哪个文号", "国办发〔2016〕72号", GW),
    ("住房公积金以后能跨城市用吗", "支持缴存人异地使用", GW),
    # 居住证暂行条例
    ("到外地住多久可以申请居住证", "居住半年以上", JZZ),
    ("按国家条例居住证办下来要几天", "15日内", JZZ),
    ("把居住证借给别人用会被罚多少", "200元以下罚款", JZZ),
    ("用假的居住证罚款多少", "1000元以下罚款", JZZ),
    ("有居住证能在当地考驾照吗", "申领机动车驾驶证", JZZ),
    ("城区人口50万到100万的城市落户社保年限最多要求几年", "不得超过3年", JZZ),
    ("城区人口500万以上的城市用什么办法落户", "积分落户制度", JZZ),
    ("居住证暂行条例是国务院第几号令", "国令第663号", JZZ),
    ("国家规定居住证过期没签注会怎样", "使用功能中止", JZZ),
    # 国务院法制办 答记者问
    ("全国跨县居住半年以上的流动人口有多少", "１．７０５６亿", QA),
    ("居住证持有人享受的服务以后会越来越多吗", "梯度赋权", QA),
    ("居住证和落户之间是什么关系", "衔接通道", QA),
    ("居住证条例是哪位总理签署的", "李克强总理", QA),
    ("法制办答记者问说居住证条例啥时候起施行", "２０１６年１月１日", QA),
    # 北京市实施《居住证暂行条例》办法
    ("在北京住几个月可以办北京居住证", "在京居住6个月以上", BJ2),
    ("北京居住证申请后几天能拿到", "15日内", BJ2),
    ("北京居住证第一次办要交工本费吗", "免收证件工本费", BJ2),
    ("在北京换了租房地址居住证要办啥", "居住信息变更手续", BJ2),
    ("北京实施居住证办法哪天开始施行", "2016年10月1日", BJ2),
    ("在北京读研能算连续就读办居住证吗", "具有研究生培养资格", BJ2),
    ("北京居住证材料不齐派出所几天内告诉我补啥", "5日内", BJ2),
    # 上海市促进就业若干规定
    ("上海有没有青年见习", "青年职业见习制度", SH1),
    ("在上海参加见习政府给补贴吗", "职业见习补贴", SH1),
    ("在上海自己开小公司能贷款贴息吗", "开业贷款担保和贴息", SH1),
    ("上海公共就业服务机构找工作收费吗", "免费的职业介绍", SH1),
    ("上海公司裁员要提前多少天通知", "提前三十日", SH1),
    ("上海职业中介提供虚假信息罚多少", "一万元以上三万元以下", SH1),
    ("上海促进就业若干规定哪年开始施行", "2006年3月1日", SH1),
    ("在上海失业登记后拒绝几次推荐工作会停失业金", "三次拒绝", SH1),
    ("上海招聘能因为年龄性别拒绝录用吗", "不得以性别、年龄", SH1),
    # 上海市人才流动条例
    ("在上海找工作单位能收我报名费吗", "不得以任何名义", SH2),
    ("上海人才流动争议申请裁决多久决定受不受理", "七日内", SH2),
    ("上海人事局受理人才流动争议后多久出裁决", "六十日内", SH2),
    ("个人能在上海开人才中介吗", "个人不得设立", SH2),
    ("上海人才流动条例什么时候施行的", "1997年4月1日", SH2),
    ("在上海辞职公司出过培训费要赔吗", "索取补偿", SH2),
    # 2023年姜堰区人才工作综述
    ("姜堰去年新建多少套人才公寓", "424套", JY),
    ("姜堰青年人才驿站能免费住吗", "免费住宿", JY),
    ("姜堰一站式服务中心能办几项事", "29个服务事项", JY),
    ("姜堰在哪几个城市设了招商分局", "上海、深圳、苏州", JY),
    ("姜堰离岸创新中心去年进了多少项目", "离岸项目25个", JY),
    ("姜堰区级人才工作书记项目有多少个", "32个", JY),
    ("去姜堰研学的青年学子有多少", "1万多", JY),
    ("姜堰人才实事项目办了几件", "21件", JY),
]

# Nothing in corpus/ answers these (checked with grep, see README.md).
UNANSWERABLE = [
    "大连有没有青年人才驿站",
    "成都硕士租房补贴多少",
    "广州本科生租房补贴一个月多少",
    "深圳新引进人才租房补贴本科能拿多少钱",
    "杭州应届生来工作有生活补贴吗",
    "武汉大学生落户需要啥条件",
    "南京人才公寓怎么申请",
    "苏州见习补贴每个月多少",
    "西安博士安家费给多少",
    "重庆青年人才驿站能免费住几天",
    "姜堰人才公寓租金多少钱一个月",
    "泰州博士来工作有多少生活补贴",
    "上海落户要多少积分",
    "租房提取公积金一次最多能取多少",
    "个税专项附加扣除租房能扣多少",
    "失业金一个月能领多少钱",
    "考研调剂什么时候开始",
    "事业单位招聘考试年龄限制多少",
    "创业担保贷款最多能贷多少",
    "郑州大学生一次性创业补贴多少",
    "东莞人才入户有奖励多少钱吗",
    "海南青年驿站一年能住几晚",
    "三支一扶报名有啥条件",
    "留学生回国买免税车怎么办",
]


# Batch 2: written by an AI helper session after the five documents above were
# added, again by reading the documents only (no retriever run, no answers
# looked at).  Several rows
# are deliberately confusable across places: Foshan/Beijing detention
# penalties, Foshan/Shenzhen/Beijing false-material bans, Foshan/Dongguan review
# deadlines, Beijing/Shanghai recruitment-fee rules, the 2014 and 2016 national
# hukou texts.
NEW_ANSWERABLE = [
    # 佛山市新市民积分制服务管理办法
    ("在佛山办了居住证多久才能申请积分", "办理居住证满半年", FS),
    ("本科去佛山积分能拿几分", "本科以上为80分", FS),
    ("大专在佛山积分文化程度算多少", "大专为60分", FS),
    ("佛山积分要攒到多少分才能排入户", "积分累计达到30分", FS),
    ("佛山积分入户多久排一次名", "以季度为单位", FS),
    ("拿到佛山入户卡要多久内去派出所落户", "6个月内", FS),
    ("佛山积分交假材料会怎样 多久不能再申", "两年内不得申请积分", FS),
    ("没结婚在佛山积分入户有加分不", "未婚者为10分", FS),
    ("在佛山交公积金一个月能加多少分", "积0.2分", FS),
    ("在佛山献血能加积分吗 怎么算", "每满200毫升积3分", FS),
    ("本科学历在佛山不想排积分 能直接人才引进入户吗", "男50周岁、女45周岁", FS),
    ("对佛山区里的积分结果不服 多久内找市积分办复核", "15个工作日内", FS),
    ("佛山积分年龄那项最多加几分", "最高分值15分", FS),
    ("社保在广州交的 去佛山申请积分要带啥证明", "异地参保证明", FS),
    ("在佛山被行政拘留过 积分入户扣几分", "每次扣15分", FS),
    # 福州市人民政府办公厅关于积极稳妥推进户籍管理制度改革有关工作的通知
    ("福州说的五城区是哪几个区", "鼓楼、台江、仓山", FZ),
    ("在福州五城区落户年龄有啥要求", "年龄40周岁以下", FZ),
    ("有中级职称想落户福州城区 年龄卡多少", "年龄45周岁以下", FZ),
    ("在福清长乐城区落户居住证要办几年", "满2年", FZ),
    ("在福州县城开店的 纳税多久能落户", "纳税满1年", FZ),
    ("福州落户住公租房算合法稳定住所吗", "公共租赁住房", FZ),
    ("福州单位有集体户 我没房能落户吗", "视为有合法稳定住所", FZ),
    ("福州推进户籍改革那个通知是哪个文号", "〔2012〕203号", FZ),
    ("在福州落户了 老家宅基地要交回吗", "完全尊重农民本人的意愿", FZ),
    ("福州小孩出生多久内要报户口", "出生一个月内", FZ),
    # 北京市人才市场管理条例
    ("在北京开人才中介至少要几个专职员工", "不少于五人", BJ3),
    ("北京办人才中介许可证多少天给答复", "三十日内", BJ3),
    ("北京招聘单位找求职的收报名费 罚多少", "1000元以上", BJ3),
    ("在北京没许可证搞人才中介会罚多少钱", "1万元以上5万元以下", BJ3),
    ("在北京提辞职 单位多久必须给答复", "三十日内予以答复", BJ3),
    ("北京人才市场条例说的人才是指哪些人", "中专以上学历", BJ3),
    ("在北京招聘会上被骗 招聘单位找不到了谁来赔", "连带赔偿责任", BJ3),
    ("北京人才市场管理条例哪年开始施行", "1998年1月1日", BJ3),
    ("在北京跟原单位因为跳槽闹纠纷可以找谁", "申请调解或者裁决", BJ3),
    # 国务院关于进一步推进户籍制度改革的意见
    ("户籍改革以后还分农业户口非农业户口吗", "统一登记为居民户口", GW2),
    ("在县城租房住能落户吗", "合法稳定住所（含租赁）", GW2),
    ("2014年国务院户籍改革意见说落户要先退承包地吗", "不得以退出土地承包经营权", GW2),
    ("拿居住证的人要服兵役吗", "服兵役", GW2),
    ("2014年户籍改革意见要提高哪些人的城镇落户率", "高校毕业生、技术工人", GW2),
    ("有居住证的外地孩子以后能在当地中考高考吗", "参加中考和高考的资格", GW2),
    # 深圳市户籍迁入若干规定
    ("深圳户籍迁入一共分几类", "四个类别", SZ3),
    ("在深圳上班三年个税交够多少能纳税入户", "累计在24万元以上", SZ3),
    ("老公是深户 我在深圳没工作 多久能投靠入户", "分居时间满2年", SZ3),
    ("我落户深圳以后 几年能把爸妈也迁过来", "连续满8年", SZ3),
    ("深圳居住社保入户女的年龄要多大以内", "女性应当在50周岁以下", SZ3),
    ("深圳入户材料造假 几年内不给办", "2年内不予受理", SZ3),
    ("深圳户籍迁入若干规定哪天施行", "2016年9月1日", SZ3),
    ("在深圳读大学户口能迁过去吗", "统招计划内生源新生", SZ3),
    ("深圳纳税入户的企业老板要交多少税", "300万元以上", SZ3),
    ("深户父母的孩子在读大学 多大以内能投靠入户", "20周岁以下", SZ3),
    # 深圳市人才引进实施办法
    ("公司帮我办深圳人才引进 单位得先做啥登记", "人才引进立户登记", SZ1),
    ("个人申办深圳人才引进要委托谁", "人才引进代理机构", SZ1),
    ("深圳人才引进审核通过后拿什么去迁户口", "人才引进审核文件", SZ1),
    ("深圳公司帮不是自己员工的人办人才引进会怎样", "5年内均不得办理", SZ1),
    # 深圳市人才引进综合评价分值表（2017年）
    ("深圳人才引进积分实用新型专利加几分", "获得1项积10分", SZ2),
    ("深圳引才积分省级技能大赛一等奖算多少分", "省级一等奖50分", SZ2),
    ("深圳引才积分 补缴的社保年限算吗", "补缴社会保险的年限", SZ2),
    ("深圳技师学院全日制毕业积分能额外加吗", "另加30分", SZ2),
    # 北京市积分落户管理办法（试行）
    ("北京积分落户有偷税记录的扣几分", "每条记录减12分", BJ1),
    ("北京积分落户成功了孩子能一起落吗", "未成年子女可以随迁落户", BJ1),
    ("工作和住的地方都搬出城六区 北京积分每年加几分", "每满1年加4分", BJ1),
    # 广州市积分制入户管理办法
    ("广州积分入户要先在网上报吗", "网上申请平台", GZ),
    ("广州积分入户每年名额有限制吗", "总量控制", GZ),
    ("广州积分入户资料作假会怎么处理", "取消其申请资格", GZ),
    # 东莞市积分人才入户申办指引
    ("东莞积分入户审核进度在哪查", "查询实时审核", DG1),
    ("东莞超生的要处理完几年才能申请积分入户", "处理完毕满5年", DG1),
    # 关于扩大住房保障范围的通知（东莞）
    ("东莞公租房说的新参加工作未满五年从啥时候算", "从毕业的次月起计算", DG2),
    ("在东莞30岁还没结婚能自己单独申请住房保障吗", "年满30周岁的未婚人员", DG2),
    ("东莞低收入家庭住房保障收入要低于多少", "最低生活保障线3倍以下", DG2),
    # 国务院办公厅 推动1亿非户籍人口在城市落户方案
    ("农村学生上大学户口迁到学校 毕业后能迁回老家吗", "迁回原籍地", GW),
    ("户籍人口和常住人口城镇化率差距要缩小多少", "缩小2个百分点以上", GW),
    ("1亿人落户方案哪年搞中期评估", "2018年组织开展", GW),
    ("落户方案要求户籍人口城镇化率每年提高多少", "年均提高1个百分点以上", GW),
    # 居住证暂行条例
    ("按国家条例居住证多久签注一次", "每年签注1次", JZZ),
    ("国家条例说偏远地区办居住证最长能拖几天", "最长不得超过30日", JZZ),
    ("按国家条例不满16岁的小孩办居住证谁去办", "监护人、近亲属代为申领", JZZ),
    ("国家条例里居住证丢了补办要交钱吗", "应当缴纳证件工本费", JZZ),
    # 国务院法制办 答记者问
    ("答记者问里说建立居住证制度是哪个规划提的", "国家新型城镇化规划", QA),
    ("法制办说居住证哪些手续是免费办的", "免费办理首次证件", QA),
    # 北京市实施《居住证暂行条例》办法
    ("北京居住证什么情况下会被注销", "已在京登记常住户口", BJ2),
    ("北京居住证除了派出所还能在哪办", "来京人员社区登记服务机构", BJ2),
    ("刚来北京要先做暂住登记吗", "申报暂住登记", BJ2),
    ("北京居住证交假材料已经发了证会怎样", "应当予以撤销", BJ2),
    # 上海市促进就业若干规定
    ("上海学技能培训有补贴吗", "职业培训经费补贴", SH1),
    ("上海公共实训基地培训要钱吗", "免费开放", SH1),
    ("上海就业困难的人做公益岗位有啥补贴", "岗位工薪补贴", SH1),
    ("上海退出失业登记以后还能再登记吗", "重新办理失业登记", SH1),
    # 上海市人才流动条例
    ("上海开人才交流机构审批要多久", "三十日内作出审批决定", SH2),
    ("上海没批准就开人才中介罚多少", "五千元以下的罚款", SH2),
    ("上海人才流动有纠纷可以先找谁调解", "人事争议调解机构", SH2),
    ("上海重点科研项目的负责人能随便跳槽吗", "未经单位同意不得流动", SH2),
    # 2023年姜堰区人才工作综述
    ("姜堰去年新增几家市级工程技术研究中心", "市级10家", JY),
    ("姜堰人才月有多少家单位一起办", "17家区管单位", JY),
    ("姜堰新增省级工程研究中心几家", "省级工程研究中心1家", JY),
    ("姜堰的离岸创新网络是几加几", "1+4+N", JY),
]

# Nothing in corpus/ answers these (checked with grep, see README.md): places
# with no document, topics no document covers, and on-topic documents that
# lack the asked fact (Foshan/Beijing/Guangzhou/Dongguan/Shenzhen rows).
NEW_UNANSWERABLE = [
    "佛山新市民买房有没有购房补贴",
    "佛山本科毕业有租房补贴吗",
    "福州本科生来工作有没有生活补贴",
    "厦门投靠入户要啥条件",
    "中山积分入户要多少分",
    "北京人才中介收服务费一般多少钱",
    "深圳居住社保入户积分要多少分才行",
    "深圳应届毕业生接收入户要准备啥材料",
    "青岛硕士住房补贴一个月多少",
    "长沙本科生买房有补贴吗",
    "合肥见习单位留用见习生有奖励吗",
    "创业担保贷款能贴息几年",
    "毕业档案丢了咋办",
    "三方协议违约金一般多少",
    "北京积分落户去年分数线多少",
    "广州积分入户本科学历算多少分",
    "东莞公租房租金多少钱一平",
    "上海留学生落户要交几年社保",
    "天津海河英才落户需要啥",
    "个税汇算清缴几号截止",
    "就业见习最长能见习多久",
    "深圳博士后出站留深有补贴吗",
    "南宁应届生去面试有免费住的地方吗",
    "佛山积分入学今年有多少个学位名额",
    "珠海本科生来工作有人才补贴吗",
]


# Batch 3: written by an AI helper session after the Fujian residence-permit
# rules and the Huizhou points guide were added, again blind (no retriever or
# answerer run, no output looked at).  The wording varies more than in the
# earlier batches: long questions with personal context, very short ones, two
# clauses, colloquial words, a few typos (居住正, 积份) and two questions in
# Traditional characters.  Deliberate near-misses: Huizhou/Foshan volunteer
# points (2 vs 3 per 50 hours), the Fujian, Beijing and national residence-permit
# texts, a Xiamen question answered by the Fujian provincial rules.
THIRD_ANSWERABLE = [
    # 佛山市新市民积分制服务管理办法
    ("我老婆在佛山名下有套房，我申请积分那一项能加多少", "积80分", FS),
    ("佛山积分 做志愿者多少个小时能加分", "每满50小时积3分", FS),
    ("在佛山开了个有限公司，积分能加几分啊", "有限公司的积10分", FS),
    ("佛山居住证每办满一年积几分", "每满1年积5分", FS),
    ("佛山各区自己定的加分项最多能加到多少", "不超过40分", FS),
    # 深圳市人才引进实施办法
    ("深圳人才引进写着45周岁以下，我刚好45岁还行不行", "不包含本数", SZ1),
    ("以前在老家是干部身份，档案已经调到深圳了，人才引进办的是啥手续", "调干手续", SZ1),
    ("我是19年本科毕业的，现在在深圳上班，档案一直放在老家人才中心，办人才引进的时候档案咋弄", "档案商调手续", SZ1),
    # 深圳市人才引进综合评价分值表（2017年）
    ("自考的大专在深圳人才引进积分能拿几分", "60分", SZ2),
    ("人才引进测评里，37岁在深圳年龄能算几分", "无加减分", SZ2),
    ("深圳引才积分 少儿医保交的年限算不算", "少儿医疗保险", SZ2),
    ("在深圳做个体户三年交了15万的税，引才积分能拿多少", "15万元积50分", SZ2),
    # 深圳市户籍迁入若干规定
    ("深圳纳税入户年龄卡多少，税交得多的能放宽吗", "放宽至55周岁以下", SZ3),
    ("深圳戶籍遷入規定裡 爸媽來投靠要幾歲以上", "男性60周岁以上", SZ3),
    ("老婆是硕士，我是深户，她过来投靠还要等分居满两年吗", "不受分居时间限制", SZ3),
    ("在深圳当合伙人的，三年分摊下来的税要多少才能纳税入户", "60万元以上", SZ3),
    # 北京市积分落户管理办法（试行）
    ("大专毕业的在北京积分落户，学历这块能拿几分", "10.5分", BJ1),
    ("在北京自己买的房子住一年，积分落户算几分", "每连续居住满1年积1分", BJ1),
    ("拿到北京积分落户资格后，老公和爸妈户口能跟着落吗", "亲属投靠落户政策", BJ1),
    ("我17年硕士毕业，读研那三年在北京交过社保，现在申请积分落户，这几年能跟学历分一起算吗", "积分不累计", BJ1),
    # 北京市实施《居住证暂行条例》办法
    ("北京居住证多久签注一次", "每年签注1次", BJ2),
    ("北京居住证申请条件里说的稳定就业咋算", "就业6个月以上", BJ2),
    ("在京办居住证要交照片吗", "近期免冠照片", BJ2),
    # 北京市人才市场管理条例
    ("在北京提了离职，单位一直拖着不回复咋整", "视为同意", BJ3),
    ("北京的人才中介发假招聘信息 罚多少", "2000元以上1万元以下", BJ3),
    ("北京公司招了个还没跟原单位解约的人，会被罚不", "1万元以上5万以下", BJ3),
    # 广州市积分制入户管理办法
    ("住公司安排的宿舍，广州积分入户算有住所吗", "用人单位安排", GZ),
    ("广州每年积分入户的名额在哪能看到", "广州市政府门户网站", GZ),
    ("广州积分入户社保满4年是算到哪天为止", "计算至申请之日", GZ),
    # 东莞市积分人才入户申办指引
    ("东莞积分入户 学信网上能查到我学历，还要去做认证报告吗", "网上验证查询码", DG1),
    ("东莞莞城街道积分入户在哪个地址办", "旗峰路309号之一", DG1),
    ("东莞除了积分入户，还有别的人才入户路子吗", "条件准入类", DG1),
    # 关于扩大住房保障范围的通知（东莞）
    ("我是去年本科毕业来东莞的，在现在这家公司干了8个月，能申请公租房不", "同一用人单位工作满1年", DG2),
    ("东莞低收入家庭申请住房保障，家里资产有啥限制", "20倍以下", DG2),
    ("去住建部门领东莞住房保障申请表要带啥证件", "身份证和户口本或居住证", DG2),
    # 国务院办公厅 推动1亿非户籍人口在城市落户方案
    ("进城落户以后老家的承包地能转给外村的人吗", "本集体经济组织内部", GW),
    ("自由职业能交住房公积金吗", "自由职业者缴存", GW),
    ("推动1亿人落户那个方案，啥时候做总结评估", "2020年进行总结评估", GW),
    # 国务院关于进一步推进户籍制度改革的意见
    ("蓝印户口现在还有吗", "蓝印户口", GW2),
    ("城区400万人口的城市，国家让它落户是放开还是收紧", "适度控制落户规模", GW2),
    ("在老家县城买了房落户，能把爸妈户口一起迁过来吗", "未成年子女、父母", GW2),
    ("随迁子女在流入地读中职要交学费吗", "中等职业教育免学费", GW2),
    # 居住证暂行条例
    ("公司把我的居住证扣着不还，这样合法吗", "非法扣押他人居住证", JZZ),
    ("2016年以前办的旧居住证，条例实施后还能用吗", "在有效期内继续有效", JZZ),
    ("国家居住证条例里 换证补证的工本费收多少是谁定的", "国务院财政部门", JZZ),
    # 国务院法制办 答记者问
    ("居住证条例答记者问那篇新华网稿子是哪个记者写的", "白阳", QA),
    ("答记者问里1.7亿流动人口这个数据出自哪", "第六次人口普查", QA),
    ("法制办说流动人口享受不到公共服务的问题不解决会咋样", "社会风险和矛盾", QA),
    # 上海市促进就业若干规定
    ("在上海被停了失业保险待遇，不服能咋办", "行政复议", SH1),
    ("上海街道有没有专门帮人找工作的人", "就业援助员", SH1),
    ("上海说的非正规就业劳动组织是干嘛的", "小规模经营活动", SH1),
    ("上海的公司招了失业的本地人再就业，有啥优惠不", "减免税收", SH1),
    # 上海市人才流动条例
    ("上海人事局的人才流动争议裁决我不服，还能去法院告吗", "向人民法院提起诉讼", SH2),
    ("在上海跳槽会不会因为性别或者专业受限制", "专业和性别的限制", SH2),
    ("我在上海做涉密工作，想跳槽要先经过谁同意", "保密部门的同意", SH2),
    ("上海人才交流机构的收费标准是谁定的", "市物价局", SH2),
    # 2023年姜堰区人才工作综述
    ("姜堰23年新培育了多少家市级企业技术中心", "市级13家", JY),
    ("创富姜堰创业创新大赛办到第几届了", "第八届", JY),
    ("姜堰去年那个人才政策的攻坚年行动叫啥", "人才政策落实攻坚年", JY),
    # 福州市人民政府办公厅关于积极稳妥推进户籍管理制度改革有关工作的通知
    ("想在福州鼓楼落户，暂住证得办满几年", "满5年", FZ),
    ("我有高级工证，在闽侯上班也有房，能落户不", "高级工以上职业资格", FZ),
    ("在福州城区落户，劳模得是啥级别的才行", "福州市级及以上劳动模范", FZ),
    ("没买房，住我爸妈在福州的房子，能用来落户吗", "投靠直系亲属", FZ),
    # 福建省实施《居住证暂行条例》办法
    ("从福州搬到厦门住了，福建居住正的年限还接着算吗", "居住年限重新计算", FJ),
    ("孩子在福建读高中，没有福建户口能在福建高考吗", "3年完整学习经历", FJ),
    ("福建已经办了人才居住证，还用再办普通居住证吗", "不再申领居住证", FJ),
    ("福建以前办的暂住证，年限能算进居住证里吗", "暂住年限计入居住年限", FJ),
    ("福建的居住证新办法是啥时候生效的", "2016年12月1日", FJ),
    ("在厦门上班想办居住证，要先暂住登记多久", "暂住登记半年以上", FJ),
    # 惠州市办理异地务工人员积分入户具体事项
    ("惠州积分入户积到多少分能申请", "积满50分", HZ),
    ("惠州积分 献一次血加几分", "每次2分", HZ),
    ("在惠州做义工能加积分吗 怎么算", "每满50小时积2分", HZ),
    ("惠州积份入户 给慈善机构捐款能加分不", "每千元积2分", HZ),
    ("惠州积分入户的无犯罪证明去哪开", "户籍地派出所", HZ),
    ("我儿子17岁还在读高中，我惠州积分入户的话他能随迁吗", "全日制学校在校学生", HZ),
]

# Nothing in corpus/ answers these (checked with grep over all 20 documents,
# see README.md): places with no document, topics no document covers, and
# documents that exist but lack the asked fact (Dongguan/Huizhou points for a
# degree, Huizhou/Fuzhou subsidies, Shanghai traineeship pay and benefit
# duration, fee amounts, a residence permit's validity, Dongguan rental terms,
# a Shenzhen deadline to move the hukou, Jiangyan flat sizes).
THIRD_UNANSWERABLE = [
    "济南本科生落户要满足啥条件",
    "宁波应届生来工作有没有租房补贴",
    "昆明积分入户咋申请",
    "哈尔滨硕士来工作给安家费吗",
    "无锡那边有给找工作的年轻人免费住的驿站没",
    "沈阳大学生落户需不需要交社保",
    "常州本科落户要带啥材料",
    "东莞积分入户，本科文凭能给多少分",
    "我本科学历，去惠州搞积分入户，学历那项能拿多少分",
    "惠州本科毕业过去上班有没有租房补贴",
    "福州硕士落户有没有购房补贴",
    "上海见习补贴一个月能拿多少",
    "上海失业保险金最长能领多久",
    "北京居住证丢了补办工本费多少钱",
    "居住证有效期到底是几年",
    "北京积分落户每年一共落多少人",
    "东莞新就业大学生公租房最多能租几年",
    "深圳人才引进代理机构收费多少钱",
    "深圳人才引进审核文件拿到后多久内必须去迁户口",
    "姜堰人才公寓一套多大面积",
    "档案放人才中心一年托管费多少",
    "试用期最长能约定几个月",
    "买房用公积金贷款，额度上限一般多少",
    "劳动合同到期公司不续签有没有补偿",
    "國家對應屆畢業生有沒有一次性求職補貼",
]


# Batch 4: written by a further AI helper session, blind like the others (no
# retriever or answerer run, no output looked at), to probe honest "not found"
# answers.  It goes entirely into multi_dev.tsv.  40 unanswerable near misses:
# on-topic documents that lack the asked fact (Guangzhou review days and
# publicity period, Huizhou deadlines and titles, Shanghai loan amounts,
# Fujian fees, Jiangyan flats...), topics next to the corpus that no document
# covers (probation pay, social-insurance rates, dead files, fund-loan rates,
# traineeship pay, fresh-graduate status...), and places whose city has no
# document (Kunshan, Jiangyin, Yuhang, Yiwu...).  20 answerable controls.
FOURTH_ANSWERABLE = [
    # 福建省实施《居住证暂行条例》办法
    ("福建居住证签注 要提前多久去办", "每满1年之日前1个月内", FJ),
    ("在福州有居住证，能直接在福州办护照吗", "普通护照", FJ),
    ("福建办居住证材料没带齐，窗口会一次跟我说清楚缺啥吗", "一次性告知", FJ),
    ("我从福州鼓楼搬到长乐了，福建居住证年限还连着算不", "由该设区的市人民政府决定", FJ),
    ("外地人在福建拿着居住证能评五一劳动奖章吗", "五一劳动奖章", FJ),
    ("福建有居住证的话，去图书馆啥的免费吗", "图书馆阅览", FJ),
    # 惠州市办理异地务工人员积分入户具体事项
    ("惠州积分入户那个申请表要填几份", "一式两份", HZ),
    ("我之前拿过市政府的表彰，在惠州积分入户能加多少", "每次积60分", HZ),
    ("惠州公司能不能搞个集体户方便我们落户", "户籍集体户头", HZ),
    ("惠州积分里五险那块加起来最多多少分", "总分最高不超过50分", HZ),
    ("早几年被劳教过，惠州积分入户会扣分吗", "扣50分", HZ),
    ("惠州积分入户要开的违法犯罪记录证明 查的是近几年", "近五年", HZ),
    # 广州市积分制入户管理办法
    ("广州积分入户都落完户了，后来查出材料是假的会咋样", "退回原籍", GZ),
    ("广州积分入户具体怎么打分，看哪个文件", "实施细则", GZ),
    ("广州积分入户的指标是哪个部门纳入人口计划的", "市发展改革部门", GZ),
    # 佛山市新市民积分制服务管理办法
    ("佛山积分排名出来以后要公示几天", "不少于5个工作日", FS),
    # 关于扩大住房保障范围的通知（东莞）
    ("东莞超生的家庭要过多少年才能申请住房保障", "满14周年", DG2),
    ("东莞户籍的低收入家庭，扩大保障后是按啥标准保障的", "经济适用住房的保障标准", DG2),
    # 居住证暂行条例
    ("国家居住证条例里，居住证上会印身份证号吗", "公民身份号码", JZZ),
    ("按国家条例居住证坏了看不清，去哪换", "居住地公安派出所", JZZ),
]

# Nothing in corpus/ answers these (checked with grep over all 20 documents,
# see README.md).
FOURTH_UNANSWERABLE = [
    # (a) the document exists but does not state the asked fact
    "广州积分入户交了材料，审核要多少个工作日",
    "广州积分入户名单公示几天啊",
    "广州今年积分入户一共给多少个指标",
    "惠州积分入户一年什么时候开始受理",
    "惠州积分入户交上去以后多久能批下来",
    "我有中级职称，在惠州积分入户能加多少分",
    "惠州积分入户去年实际要多少分才能入户",
    "上海开业贷款担保最多能贷多少钱",
    "在上海做青年见习，单位要给见习生交社保吗",
    "上海见习一般见习几个月",
    "福建居住证丢了补领一次收多少钱",
    "福建人才居住证要啥条件才能办",
    "姜堰的人才公寓咋申请，要什么条件",
    "研究生去姜堰工作有安家费吗",
    "佛山每年积分入户的名额有多少个",
    "北京积分落户一般几月份开始网上申报",
    "东莞公租房申请下来要排队多久才能住进去",
    "深圳人才引进办下来大概要花多少钱",
    "福州落户办下来要多少个工作日",
    "居住证条例出来以后全国一共发了多少张居住证",
    # (b) topics next to the corpus that no document covers
    "试用期工资最低能给正式工资的几成",
    "五险一金公司和个人各交多少比例",
    "毕业两年了档案还在学校，会不会变成死档",
    "首套房公积金贷款利率现在是多少",
    "人才公寓住满几年就得搬出去",
    "就业见习补贴是按最低工资的多少发",
    "实习期间在公司受伤了算不算工伤",
    "毕业两年内没交过社保，还算应届生身份吗",
    "报到证取消了，档案要怎么转回去",
    "公司拖欠工资去申请劳动仲裁要交钱吗",
    "离职以后公司一直不给开离职证明咋办",
    "年终奖还能单独计税吗",
    # (c) places whose city has no document
    "昆山积分入户要攒到多少分才能落户",
    "江阴本科生过去买房有补贴吗",
    "余杭硕士人才租房补贴一个月多少钱",
    "义乌新居民积分去哪里申请",
    "张家港本科落户需要在当地交几个月社保",
    "西安高新区大学生落户要准备啥材料",
    "郑州航空港区应届生有没有生活补贴",
    "苏州工业园区硕士落户有安家补贴吗",
]


# Batch 5: written by a further AI helper session after five more real
# documents were added (Shenzhen residence-permit rules and housing-security
# plan, the Shanghai Lingang "双特" opinions, Beijing employment-assistance
# rules, the national paid-annual-leave measures), blind like the others: no
# retriever, answerer, `python -m knowledge` or `python -m ingest` was run and
# no output was looked at.  40 answerable rows on the five new documents, 20
# on facts of the older twenty that no earlier batch asked.  Deliberate
# near-misses across places: Shenzhen "15个工作日内" against the national,
# Beijing and Fujian "15日内"; Shenzhen "每满1年前60日内" against Fujian's
# one month; the Shenzhen 18 m2 standard against Dongguan's 18 m2 threshold;
# Lingang's 20-point cap against Foshan's 15; Beijing review in 15 working days
# against Foshan's; Beijing and Shanghai rules on who may keep personnel files;
# Huizhou's 100-point criminal deduction against its 50-point 劳教 one;
# Shenzhen's 30万 sole-trader tax for hukou against the 15万 points rule.
FIFTH_ANSWERABLE = [
    # 深圳市居住登记和居住证办理规定
    ("我大专毕业刚来深圳，听说有学历的可以直接申领居住证，我这种算不算", "全日制大专及以上学历", SZJ),
    ("深圳居住证递上去以后大概几天能拿到证", "15个工作日内", SZJ),
    ("深圳居住证没批下来的话，几天内会告诉我", "7个工作日内", SZJ),
    ("深圳居住证断签后补办了签注，下回签注要提前多少天去", "每满1年前60日内", SZJ),
    ("深圳居住正停用好久了，还能补签注恢复吗，有时限不", "中止2年内", SZJ),
    ("深圳居住证丢了去补，交完钱要等几天", "10个工作日内", SZJ),
    ("公司HR说可以帮我们统一代办深圳居住证，要开个啥账号", "居住证代办账号", SZJ),
    ("深圳这个居住登记和居住证办理规定几号生效的", "2016年11月1日", SZJ),
    ("去深圳的居住证受理点现场办，除了身份证还得带啥", "近期数码照片图像号", SZJ),
    # 深圳市住房保障发展规划（2011—2015）
    ("深圳人才安居对中初级人才给几年租房补贴", "3年的住房租赁补贴", SZH),
    ("深圳的杰出人才、领军人才住房能免租吗 免几年", "3—10年", SZH),
    ("深圳十二五期间准备给多少户人才安排住房保障", "27.8万户", SZH),
    ("深圳保障房人均建筑面积按多大标准建", "不低于18平方米", SZH),
    ("深圳住房保障发展规划2011到2015那个文件的文号是多少", "深府办[2011]46号", SZH),
    ("深圳2011—2015年一共要新筹建多少套保障性住房", "24万套", SZH),
    ("深圳那五年的租房补贴里，专门给人才的大概多少钱", "人才补贴约23亿元", SZH),
    ("深圳保障房选址离地铁站最远多远", "地铁800米", SZH),
    ("在深圳分到的保障房以后能拿去卖吗", "原则上禁止上市交易", SZH),
    # 上海市人民政府关于深化完善“双特”政策支持临港地区新一轮发展的若干意见
    ("我持上海居住证，在临港工作也住临港，积分每年能多加几分", "每满1年积2分", LG),
    ("临港这个专项加分封顶多少", "最高分值为20分", LG),
    ("在临港的学校当老师，办居转户持证和社保年限能缩短吗", "缩短至5年", LG),
    ("上海临港那个双特政策有效期是哪几年", "2016年至2018年", LG),
    ("在临港医院上班，每个月有额外的津贴拿吗", "临港津贴", LG),
    ("臨港的專項加分是不是第一年就能算進總積分", "满5年后开始计入", LG),
    ("临港那边有没有青年创业见习基地", "青年创业见习", LG),
    ("在临港上班离市区远，有没有交通方面的补贴", "交通补贴", LG),
    # 北京市就业援助规定
    ("我在北京失业一年多了，能认定成就业困难人员吗", "连续失业一年以上", BJY),
    ("北京街道认定就业困难人员要几天", "5个工作日内", BJY),
    ("北京就业困难人员认定结果我不认可，多长时间内可以申请复核", "15个工作日内", BJY),
    ("在北京骗领就业援助补贴被查到，个人要罚多少", "2倍以上5倍以下", BJY),
    ("北京就业援助规定是什么时侯开始实施的", "2012年5月1日", BJY),
    ("我妈四十二了在北京一直没工作，算不算就业困难人员", "女满四十周岁以上", BJY),
    ("在北京被认定成就业困难人员以后，职业指导、职业介绍这些要花钱吗", "免费为就业困难人员提供", BJY),
    ("北京家里一个上班的都没有，这种情况能申请就业援助吗", "零就业家庭成员", BJY),
    # 企业职工带薪年休假实施办法
    ("刚换工作入职，要干满多久才能休带薪年假", "连续工作满12个月以上", NXJ),
    ("年假公司不让休，按日工资的几倍补钱", "300%", NXJ),
    ("算没休年假的工资，日工资是月薪除以多少天", "21.75天", NXJ),
    ("年中跳槽到新公司，当年年假天数咋算", "剩余日历天数折算", NXJ),
    ("请婚假产假会不会把年假扣掉", "不计入年休假假期", NXJ),
    ("离职的时候年假没休完，公司要给我折算工资吗", "折算应休未休年休假天数", NXJ),
    # facts of the older twenty documents that no earlier batch asked
    ("在北京随便一家人才中介都能给我托管人事档案吗", "人力社保行政部门设立", BJ3),
    ("北京人才中介的许可证要每年审吗", "年审制度", BJ3),
    ("上海哪种人才交流机构能帮我保管人事档案", "流动人员人事档案保管", SH2),
    ("上海的单位想从外地引进紧缺人才，要向哪个部门申请", "区、县人事局", SH2),
    ("按2014年那个户籍改革意见，一两百万人口的大城市落户最多能要求交几年社保", "不得超过5年", GW2),
    ("答记者问里提没提，有居住证能在当地交公积金吗", "住房公积金", QA),
    ("姜堰那个南京区域离岸创新中心是谁建的", "市区联合共建", JY),
    ("在深圳做个体户，三年交多少税能走纳税入户", "累计在30万元以上", SZ3),
    ("深圳居住社保迁户的积分主要看哪几项", "社会养老保险年限", SZ3),
    ("在福建有居住证能参加职称评审吗", "任职资格评审", FJ),
    ("广州积分入户，我住的是我爸妈名下的房子，这个算合法稳定住所吗", "直系亲属拥有房地产权", GZ),
    ("想在上海自己开个店，政府能给点啥帮助", "开业培训", SH1),
    ("惠州积分入户 前几年被判过刑 会扣几分", "扣100分", HZ),
    ("我社保在佛山交的，申请东莞积分入户要开啥证明", "参保地社保经办机构", DG1),
    ("北京积分落户 拿过国家级创新创业大赛的奖能加几分", "最高加12分", BJ1),
    ("我是中级工程师，在福州仓山上班，落户城区得先有几年居住证", "满3年", FZ),
    ("东莞户籍低收入家庭按经适房标准保障的话，能领租赁补贴吗", "租赁补贴", DG2),
    ("深圳人才引进积分，除了养老保险，医保失业险交了也算分吗", "每险种每满1年积1分", SZ2),
    ("按国家居住证条例，我办证留的个人信息政府会保密吗", "应当予以保密", JZZ),
    ("1亿人落户方案里，进城落户的人住房保障是给房还是给租房补贴", "实物保障与租赁补贴并举", GW),
]

# Nothing in corpus/ answers these (checked with grep over all 25 documents,
# see README.md): (a) a document of that place exists but does not state the
# item, (b) topics next to the corpus that no document covers, (c) places with
# no document.
FIFTH_UNANSWERABLE = [
    # (a)
    "我工作快十年了，一年法定能休几天年假",
    "深圳居住登记受理点周末上班吗",
    "临港津贴每个月具体给多少钱",
    "深圳安居型商品房卖多少钱一平",
    "北京公益性岗位一个月工资能拿多少",
    "北京就业困难人员的社保补贴能补几年",
    "上海临港能直接落户的重点机构有哪些",
    "深圳公租房一个月租金大概多少",
    # (b)
    "周末加班工资按平时几倍算",
    "评中级职称要工作满几年",
    "考教师资格证对学历有啥要求",
    "大学生村官服务期满考研能加分吗",
    "病假期间工资最低能按多少发",
    "职业技能等级证书拿到了能领多少补贴",
    # (c)
    "打算去南京江北新区上班，那边给应届生发房补不",
    "在泰州参加就业见习的话每月能拿多少生活费",
    "毕业了想把户口落到扬州，需要啥手续",
    "徐州高层次人才子女入学有啥照顾",
    "温州本科人才生活补贴咋领",
    "镇江硕士来工作有安家补贴吗",
]


# Batch 6: written by a further AI helper session after five more real
# documents were added (the Shandong talent-development and human-resources-
# market regulations, the Henan employment-promotion and talent-flow
# regulations, the Zhejiang floating-population residence-registration
# regulations), blind like the others: no retriever, answerer, test,
# `python -m knowledge` or `python -m ingest` was run and no output was looked
# at.  40 answerable rows on the five new documents, 20 on facts of the older
# twenty-five that no earlier batch asked.  Deliberate near-misses across
# places: Shandong's "三名以上" staff and "十五个工作日内" licence decision
# against Beijing's "不少于五人" and "三十日内"; Shandong's
# "一万元以上五万元以下" against Beijing's "1万元以上5万元以下"; Henan's
# "十五日内" decision on accepting a talent-flow dispute against Shanghai's
# "七日内", and its "一千元以上五千元以下" fine against Shanghai's
# "五千元以下"; Zhejiang's "十五日内" issue and "每满一年之日前一个月内"
# endorsement against the national, Beijing and Fujian texts; Beijing's
# "男满五十周岁以上" against Henan's definition of people with employment
# difficulties; Huizhou's and Foshan's identical "每次积30分" for county
# commendations; Henan's "小额担保贷款" against Shanghai's start-up loans.
SIXTH_ANSWERABLE = [
    # 山东省人才发展促进条例
    ("山东省级的人才工程都叫啥名头", "泰山系列和齐鲁系列", SDR),
    ("在山东给经济发展做出特别大贡献的人才，会发个啥奖", "齐鲁杰出人才奖", SDR),
    ("山东人才发展促进条例几月几号开始实行", "2020年6月1日", SDR),
    ("山东有人才热线没", "人才服务专线", SDR),
    ("国外顶尖团队想来山东创业，引进政策能单独谈吗", "一事一议", SDR),
    ("我在山东高校当讲师，出去企业兼职搞的项目能拿来评职称不", "职称评审、岗位竞聘", SDR),
    ("山东是通过哪些方式帮人才解决住的问题", "发放住房补贴", SDR),
    ("在山东弄虚作假骗人才扶持资金，被查出来钱要退吗", "追回其所获得的资金", SDR),
    # 山东省人力资源市场条例
    ("想在山东开家职业中介，最少得有几个专职员工", "三名以上专职工作人员", SDH),
    ("山东人力资源服务许可申请交上去，多少天出结果", "十五个工作日内", SDH),
    ("山东这边有公司让我先交培训费才给入职，这合法吗", "不得向求职者收取报名费", SDH),
    ("山东的公司发假招聘信息骗人，罚多少钱", "三千元以上三万元以下", SDH),
    ("在山东找中介介绍工作，他们扣着我身份证还收押金，合规吗", "向求职者收取押金", SDH),
    ("山东人力资源市场条例啥时候生效的", "2015年10月1日", SDH),
    ("山东政府办的公共人力资源服务机构帮人找工作收费不", "依法免费提供", SDH),
    ("在山东没拿许可证就干人才中介，罚款多少", "一万元以上五万元以下", SDH),
    # 河南省就业促进条例
    ("河南的公司招了我，多少天之内要给我办就业登记", "三十日内", HNJ),
    ("在河南被公司辞了，单位多久内得帮我办失业登记", "十五日内", HNJ),
    ("我户口不在河南，在郑州上班一年后失业了，能在当地办失业登记吗", "稳定就业满六个月", HNJ),
    ("河南毕业生去基层干几年，考公务员同等条件能优先录", "基层就业两年以上", HNJ),
    ("河南大学生毕业开个体户，那些登记管理的费要交吗", "免缴登记类、管理类", HNJ),
    ("河南说的就业困难人员里，困难家庭的大学毕业生算不算", "就业困难的高校毕业生", HNJ),
    ("河南零就业家庭，政府保证至少几个人有活干", "至少有一人实现就业", HNJ),
    ("河南大中专毕业生自己创业，能申请啥贷款", "小额担保贷款", HNJ),
    # 河南省人才流动条例
    ("在河南交了辞职申请，单位最多拖多少天必须把手续办完", "三十日内为其办理完", HNR),
    ("河南人才流动的争议去申请仲裁，几天内告诉我受不受理", "十五日内作出受理", HNR),
    ("河南人事仲裁受理以后，特殊情况最长能拖多久出裁决", "最长不得超过九十日", HNR),
    ("我要去河南一家私企上班，档案该放哪儿", "所属人才流动机构管理", HNR),
    ("河南的单位招聘收我报名费押金，会怎么处罚", "处以三倍罚款", HNR),
    ("河南没批就私自开人才中介的，罚款多少", "一千元以上五千元以下", HNR),
    ("仲裁都判我可以走了，河南原单位还是不放人咋办", "直接调转人事档案", HNR),
    ("河南人才流动条列最早是哪天施行的", "2000年12月1日", HNR),
    # 浙江省流动人口居住登记条例
    ("在浙江搬了家，居住登记要在几天内去改", "十日内", ZJJ),
    ("我姐是杭州户口，我暂时住她家，住多久以内可以不用登记", "三十日以下", ZJJ),
    ("浙江居住证几天能发", "十五日内", ZJJ),
    ("在浙江没去申报居住登记，会被罚款吗，罚多少", "五十元以上二百元以下", ZJJ),
    ("浙江有人用假材料骗领居住证，怎么处理", "处二百元以下的罚款", ZJJ),
    ("浙江引进的人才办居住证，也要先住满半年吗", "不受前款规定限制", ZJJ),
    ("手上還是以前的浙江臨時居住證，換新證要錢嗎", "免费换领", ZJJ),
    ("浙江的居住正每年续签，要在到期前多久去弄", "每满一年之日前一个月内", ZJJ),
    # facts of the older twenty-five documents that no earlier batch asked
    ("当老师有寒暑假的，还能另外休年假吗", "不享受当年的年休假", NXJ),
    ("公司既不让我休年假也不给补钱，劳动部门会让公司多赔吗", "加付赔偿金", NXJ),
    ("我爸五十一了在北京下岗在家，能算就业困难人员不", "男满五十周岁以上", BJY),
    ("北京的职业中介免费帮就业困难人员找工作，政府给补贴不", "职业介绍补贴", BJY),
    ("临港的学校医院招外地应届生，落户上有啥照顾", "给予政策倾斜", LG),
    ("臨港的公租房以後能買下來嗎", "先租后售", LG),
    ("深圳居住证可以寄到家里吗，邮费谁出", "邮寄费用由申领人承担", SZJ),
    ("深圳十二五规划里保障房用地至少占住房用地的多少", "住房建设用地的40%", SZH),
    ("深圳想到2050年让保障房占到多少", "占全市住房总套数的50%", SZH),
    ("法制办答记者问里，给居住证持有人提供服务的钱从哪来", "纳入财政预算", QA),
    ("2014年户籍改革意见里那个国家人口信息库，用什么来区分每个人", "以公民身份号码为唯一标识", GW2),
    ("按国家居住证条例，我是租房住的，住址证明交啥", "房屋租赁合同", JZZ),
    ("在上海正被有关部门审查还没结案的人，能跳槽吗", "未经审查机关同意不得流动", SH2),
    ("北京人才中介里干业务的员工对学历有要求吗", "具有大专以上学历", BJ3),
    ("上海企业因为市政建设要裁员，被裁的人政府管不管", "转岗培训和安置工作", SH1),
    ("在北京交了居住证材料，缺东西但派出所一直没吭声，超过五天了，这算已经受理了吗", "即视为受理", BJ2),
    ("在惠州拿过县里的表彰，积分入户加几分", "每次积30分", HZ),
    ("有福建居住证的话，能申请当地的保障房吗", "申请保障性住房", FJ),
    ("1亿人落户方案里，在城里打工住了几年的算重点落户对象", "在城镇就业居住5年以上", GW),
    ("在佛山交个税，积分怎么算", "每满500元积1分", FS),
]

# Nothing in corpus/ answers these (checked with grep over all 30 documents,
# see README.md): (a) a document of that place or topic exists but does not
# state the item, (b) topics next to the corpus that no document covers, (c)
# places with no document.
SIXTH_UNANSWERABLE = [
    # (a)
    "山东给引进的青年人才发住房补贴，一个月能拿多少",
    "在河南回乡创业，小额担保贷款额度上限是多少",
    "浙江居住证坏了去换领要交多少钱",
    "山东的人力资源服务许可证有效期几年",
    "齐鲁杰出人才奖一次奖励多少钱",
    "河南毕业生去乡镇基层工作，每个月有多少补贴",
    "深圳居住证弄丢了重新补，工本费收几块钱",
    "山东博士后科研工作站给多少钱补贴",
    # (b)
    "入职体检的钱该公司出还是自己掏",
    "竞业限制补偿一个月最少给多少",
    "离职以后公积金能一次全部取出来吗",
    "医保断缴两个月有啥影响",
    "女职工产假一般能休多少天",
    "考公务员政审会查父母吗",
    # (c)
    "打算去石家庄上班，刚毕业的能领房租补贴吗",
    "南昌硕士申请人才公寓要啥条件",
    "本科毕业去南通工作，市里发不发生活补助",
    "长春的高校毕业生见习岗位，补贴标准是多少",
    "兰州引进博士给不给安家费",
    "太原有没有给来找工作的毕业生短住的人才驿站，咋申请",
]


# Batch 7: written by a further AI helper session after six more real
# documents were added (Beijing's 2016 opinion on household-registration
# reform, Xiamen's guidance on points-based primary-school admission of
# migrant workers' children, Xiamen's explainer on making up medical-insurance
# years, Huicheng district's explainer of its 2016 admission notice, Beijing's
# continuing-education rules for professional staff, Jiaxing's rules on
# renting housing), 36 in all, blind like the others: no retriever, answerer,
# test, `python -m knowledge` or `python -m ingest` was run and no output was
# looked at.  38 answerable rows on the six new documents, 37 on facts of the
# older thirty that no earlier batch asked.  Deliberate near-misses across
# places: Xiamen's admission points (社保 "每多一年得4分", "公示5天") against
# Huicheng's ("最高分值为60分") and Foshan's; Jiaxing's agents taking listings
# down "两个工作日内" against Zhejiang's "三个工作日内" reports; Beijing's
# "30日内" answer to a continuing-education complaint against Beijing's other
# thirty-day limits; Beijing's reform opinion next to its points and
# residence-permit rules.
SEVENTH_ANSWERABLE = [
    # 北京市人民政府关于进一步推进户籍制度改革的实施意见
    ("北京说到2020年全市常住人口要压到多少以内", "2300万人以内", BJH),
    ("北京城六区的常住人口计划比2014年降多少", "15个百分点左右", BJH),
    ("北京那个推进户籍制度改革的实施意见，文号是多少来着", "京政发[2016]43号", BJH),
    ("北京户籍改革意见里，对户口迁出政策有啥打算", "户随人走", BJH),
    ("北京户改意见里，吸引高端人才落户是怎么说的", "紧缺急需人才落户制度", BJH),
    ("北京户籍改革实施意见是几月几号发的", "2016年9月8日", BJH),
    ("北京户改这事儿，哪几个部门负责跟踪督查", "市发展改革委、市公安局", BJH),
    # 厦门市进城务工人员随迁子女小学积分入学办法指导意见
    ("在厦门打工，孩子想积分上小学，爸妈社保最少要交多久", "1年（含1年）以上", XMR),
    ("想让娃在湖里区积分入学，社保和暂住年限要满几年", "要满2年", XMR),
    ("厦门积分入学，社保比规定多交一年能多几分", "每多一年得4分", XMR),
    ("我在厦门跟老公合买的房子，我俩一人一半产权，积分入学房产那20分能拿吗", "不含50%", XMR),
    ("厦门积分入学的排序要挂出来让大家监督多久", "公示5天", XMR),
    ("两口子都在厦门交社保，孩子积分入学另一个人的也能算吗", "按每年2分", XMR),
    ("住的地方和上班的地方在厦门同一个区，积分入学能加分吗", "得9分", XMR),
    ("廈門積分入學要是材料造假會怎樣", "在厦参加积分入学的资格", XMR),
    # 《关于妥善解决有关人员基本医疗保险问题的通知》（厦人社[2012]60号）文件解读
    ("我爸厦门户口，今年63了，从来没交过职工医保，还能补交享受退休医保待遇吗", "男超过60周岁", XMY),
    ("厦门医保一次性补缴是按多少比例交", "统一为10％", XMY),
    ("厦门吃低保的老人补缴医保，基数能低一点吗", "60%为基数", XMY),
    ("在厦门补缴完职工医保，以后看病能报多少", "超过90％", XMY),
    ("厦门男的非困难人员一次性补缴医保大概要掏多少钱", "100710元", XMY),
    ("厦门医保补缴到账以后，从啥时候开始能享受退休待遇", "次月１日起", XMY),
    # 惠城区《2016年异地务工人员随迁子女申请积分入读义务教育阶段公办学校起始年级公告》解读
    ("惠城区2016年积分入学一共放出来多少个学位", "4636个", HCR),
    ("惠城区随迁子女积分入学去学校交材料是哪几天", "5月28日", HCR),
    ("娃9月份才满6岁，能在惠城积分读一年级不", "8月31日", HCR),
    ("在惠城区给孩子积分入学，交社保那一项最多拿几分", "最高分值为60分", HCR),
    ("惠城积分入学两家积分一样多，谁排前面", "居住证项目的积分", HCR),
    ("惠城区积分入学没录上，读民办小学政府补多少钱", "1350元", HCR),
    ("惠城区积分入学可以同时报两所学校吗", "只能选择一所", HCR),
    # 北京市专业技术人员继续教育规定
    ("在北京做工程师的，一年继续教育要学够多少学时", "不少于90学时", BJJ),
    ("北京单位派我去参加继续教育，这期间工资照发吗", "同等的工资福利待遇", BJJ),
    ("我在北京上班同时在职读研，还用参加继续教育不", "免予参加继续教育", BJJ),
    ("北京单位不让我参加继续教育，我去申诉的话多久给答复", "30日内", BJJ),
    ("北京单位安排的继续教育我不去，会怎么样", "追偿学习经费", BJJ),
    # 嘉兴市住房租赁管理若干规定
    ("在嘉兴租房子，物业费该房东交还是我交", "由业主交纳", JXZ),
    ("嘉兴的中介把房子租出去以后，多久要把房源信息撤掉", "两个工作日内", JXZ),
    ("嘉興租房合同簽多長時間以上，政府會給支持", "三年以上租赁合同", JXZ),
    ("嘉兴中介挂假房源被查到罚多少", "二百元以上二千元以下", JXZ),
    ("公司在嘉兴租了套房给我们当宿舍，公司需要做啥", "治安、消防安全管理制度", JXZ),
    # facts of the older thirty documents that no earlier batch asked
    ("山东的国企招急缺人才，薪酬能用哪些方式定", "年薪制", SDR),
    ("我是海归，回山东创业能享受大学生创业那些优惠吗", "支持大学生创新创业", SDR),
    ("在山东开了家人力资源公司，年度报告要在几号之前报上去", "每年3月1日前", SDH),
    ("我表弟15岁，在山东能让职业中介给他介绍工作吗", "未满十六周岁", SDH),
    ("在河南干自由职业，就业登记要自己去哪儿办", "街道、乡（镇）", HNJ),
    ("河南大学生想创业没场地，政府有啥帮扶", "创业孵化园区", HNJ),
    ("在郑州入职俩月了，单位还没帮我做就业登记，这单位会被罚吗", "二百元以上五百元以下", HNJ),
    ("河南单位拖着不给我办离职手续，害我丢了新offer，能要赔偿不", "应当承担赔偿责任", HNR),
    ("在浙江刚入职，公司要几天内把我信息报给公安", "三个工作日内", ZJJ),
    ("在杭州读书住学校宿舍，需要自己去申报居住登记吗", "办理入学登记", ZJJ),
    ("按国家居住证条例，每年去签注要交钱不", "不得收取费用", JZZ),
    ("家里在北京吃低保，我也一直没找到活，政府能把我当就业困难的来帮吗", "最低生活保障待遇", BJY),
    ("在北京想申请就业困难人员认定，要去哪儿申请", "乡镇公共就业服务机构", BJY),
    ("我在上海打零工，算非正规就业的话能交社保吗", "纳入社会保险范围", SH1),
    ("在上海签聘用合同，单位能跟我约定服务期吗", "服务期限", SH2),
    ("在临港上班，社保公积金这些能在临港本地办吗", "临港人才服务中心", LG),
    ("临港这边买房有啥限价的房子给人才吗", "双定双限房", LG),
    ("老家是农村户口，走深圳人才引进迁户口还要另外办啥手续", "农转非", SZ1),
    ("在深圳三年工资个税一共交了13万，引才积分纳税能拿几分", "70分", SZ2),
    ("我读书时把户口迁进了深圳的学校集体户，毕业了这户口咋处理", "须将户口及时迁出", SZ3),
    ("深圳居住证被拒了，要求出个书面说明，几天内给", "3个工作日内", SZJ),
    ("我是海归，在深圳能不能不用等直接领居住证", "出国留学人员资格证明", SZJ),
    ("深圳的保障房交房是毛坯还是装修好的", "一次性装修", SZH),
    ("深圳2011到2015年打算解决几万户深户住房困难的", "8万户", SZH),
    ("广州积分入户我在网上填完了，还用跑窗口吗", "纸质申请材料", GZ),
    ("在东莞打工申请积分入户，拿啥证明我在这边上班", "劳动合同", DG1),
    ("我15年底就交了东莞公祖房申请一直没批，能按新政策审吗", "按新的条件审核", DG2),
    ("在佛山成功捐了造血干细胞，积分入户能加多少", "捐献积50分", FS),
    ("想在福州城区落户，劳动合同至少要签几年", "3年以上劳动合同", FZ),
    ("在福建住的是公司宿舍，能算住所去办居住证吗", "用人单位、就读学校的宿舍", FJ),
    ("惠州积分入户要交个人信用报告，信用卡还款记录也会查吗", "个人贷款和信用卡", HZ),
    ("我在老家交的新农合，户口签到城里以后医保咋办", "规范接入城镇基本医疗保险", GW),
    ("国务院14年那份户改意见，目标是到2020年解决多少农民工和常住人口落户", "1亿左右农业转移人口", GW2),
    ("我自己写了申请说今年不休年假，公司还要按三倍给我钱吗", "正常工作期间的工资收入", NXJ),
    ("在北京租的房子只签了三个月，算稳定住所能办居住证吗", "居住6个月以上的住所", BJ2),
    ("在北京国家高新技术企业当核心技术人员，积分落户有加分吗", "工作每满1年加2分", BJ1),
    ("北京招聘会的招聘广告写只招男生，这合规吗", "不得有性别歧视", BJ3),
]

# Nothing in corpus/ answers these (checked with grep over all 36 documents,
# see README.md): (a) a document of that place or topic exists but does not
# state the item, (b) topics next to the corpus that no document covers, (c)
# places with no document.
SEVENTH_UNANSWERABLE = [
    # (a)
    "思明区今年给随迁子女留了几个小学入学名额",
    "北京继续教育课程一个学时收多少钱",
    "嘉兴签了三年租房合同，政府具体补贴多少钱",
    "嘉兴南湖区一室一厅现在市场租金大概多少",
    "厦门居民医保一年个人要交多少钱",
    "北京高层次人才落户具体要满足啥条件",
    "惠城区积分入学居住年限那项最高能拿多少分",
    "厦门积分入学今年啥时候开始网上报名",
    "惠城区明年（2017年）随迁子女入学能放多少公办名额",
    "厦门积分入学要的计划生育证明去哪开",
    # (b)
    "租房合同没到期房东把房子卖了，新房东能赶我走吗",
    "房东一直拖着不退押金该找哪个部门",
    "专升本毕业的还算应届生吗",
    "职称证书弄丢了能补办吗",
    "异地就医备案要去哪里办",
    "教师编制考试能不能跨省报",
    "个人养老金每年最多能存多少",
    "上夜班有没有国家规定的夜班补贴标准",
    # (c)
    "泉州随迁子女积分入学要交几年社保",
    "本科毕业打算留在厦门上班，市里会每月补贴房租不",
    "湖州对外地过来的大学生有房租方面的扶持吗",
    "绍兴引进硕士给生活补贴吗",
    "我想去江门落户，那边积分制入户门槛分是多少",
    "刚签了贵阳的工作，当地给应届生配的人才房房租贵不贵",
    "北京通州区人才公租房怎么申请",
]


# Batch 8: written by a further AI helper session after five more real
# documents were added (Guangzhou's rules on the waiting list for public
# rental housing, Guangzhou's 2015 opinion on housing for registered
# households with its tables of income limits, rent-subsidy factors and rent
# bands, Zhongshan's notice putting points-admitted migrant pupils into the
# city's medical insurance, Zhongshan's rules on urban and rural residents'
# basic pension, Dongguan's notice on the provincial maternity-insurance
# rules), 41 in all, blind like the others: no retriever, answerer, test,
# `python -m knowledge` or `python -m ingest` was run and no output was looked
# at.  42 answerable rows on the five new documents, 25 on facts of the older
# thirty-six that no earlier batch asked.  Deliberate near-misses across
# places: Guangzhou's rent subsidy per square metre for registered low-income
# households against Dongguan's and Shenzhen's housing documents (no amounts)
# and the talent rent subsidies no document gives; Zhongshan's and Xiamen's
# medical insurance for different people; Dongguan's maternity insurance
# against no other city's; Henan's and Beijing's social-insurance subsidies
# for flexible work.
EIGHTH_ANSWERABLE = [
    # 广州市公共租赁住房轮候配租实施细则
    ("请问广州公租房的轮侯号一般啥时候出来", "每月最后一天", GZP),
    ("广州公租房分到了但我不想要了，要在几天内书面确认啊", "5个工作日内", GZP),
    ("在广州排公租房，好几年都没去参加配租意向登记会咋样", "五年内未参加配租意向登记", GZP),
    ("广州公租房排了好久一直没分到，排满几年能优先配租", "轮候时间超过3年", GZP),
    ("我们家三口人，广州公租房一般给分啥户型", "3人家庭分配二房一厅", GZP),
    ("广州公租房退了以后想再申请实物的，要隔多久", "自退出之日起1年后", GZP),
    ("拿到轮候号以后家里收入变了，广州这边要求多少天内去报", "自改变之日起30日内", GZP),
    ("广州公租房的优先配租机会能用几次呢", "只享受一次优先配租机会", GZP),
    # 广州市人民政府办公厅关于加强户籍家庭住房保障工作的实施意见
    ("广州户籍家庭申请公租房，收入线现在是多少", "29434元/年", GZH),
    ("我想问下广州住房租凭补贴一平米补多少钱", "每平方米建筑面积25元", GZH),
    ("广州算租房补贴的时候人均保障面积按几平算", "15平方米", GZH),
    ("我一个人的户口，广州算租赁补贴家庭人口按几个人算", "1人户按1.5人计算", GZH),
    ("户口在天河的，广州租赁补贴区域系数是多少啊", "补贴系数为1.1", GZH),
    ("低保户在广州领住房租赁补贴，收入那个系数是多少", "补贴系数为1.3", GZH),
    ("广州住公租房的户籍家庭，人均年收入两万九到三万五之间，租金按几成交", "租金标准×0.7", GZH),
    ("广州住进政府公租房以后还能领租金补助吗", "不再发放租金补助", GZH),
    # 中山市人民政府办公室关于将义务教育阶段非本市户籍已积分入学学生纳入我市社会医疗保险参保范围的通知
    ("在中山积分入学的娃想参加医保，家长自己得先交够多久医保", "累计缴费满6个月以上", ZSY),
    ("中山积分入学的孩子交基本医保，个人出几个点", "缴费基数1.5%", ZSY),
    ("中山积分入学学生的门诊医保个人交多少比例", "缴费基数0.2%", ZSY),
    ("中山给积分入学的学生办医保，每个月哪几天能办", "每月1至18日", ZSY),
    ("孩子在中山积分入学读书，医保要去哪个地方给他办", "就读学校所在镇（区）", ZSY),
    ("中山这边积分入学的小孩交了医保，从啥时候起能用", "自缴费次月1日起", ZSY),
    ("中山积分入学学生纳入医保这个政策是从哪天开始的", "2014年1月1日起", ZSY),
    # 中山市城乡居民基本养老保险实施办法
    ("中山城乡居民养老保险一个月交多少，有几档可以选", "5个档次", ZSL),
    ("中山城乡居民养老镇里每个月给补贴多少", "每人每月5元", ZSL),
    ("中山城乡居民养老的基础养老金一个月多少钱", "确定为55元", ZSL),
    ("中山城乡养老个人账户那部分每个月咋算发多少", "除以139", ZSL),
    ("我妈在中山农村，城乡居民养老最少要交满几年才能领", "不少于15年", ZSL),
    ("我还在读大学，户口在中山，能参加城乡居民养老保险吗", "在校学生暂不按本办法", ZSL),
    ("中山多大岁数可以参加城乡居民养老保陷", "16周岁以上", ZSL),
    ("中山城乡居民养老和职工养老能两个一起交吗", "不能同时参加", ZSL),
    ("中山交城乡居民养老的人要出国定居了，账户里的钱咋办", "一次性退还参保人", ZSL),
    ("我哥退伍回中山老家，当兵那几年能算城乡居民养老缴费年限吗", "军龄视同", ZSL),
    # 关于贯彻落实《广东省职工生育保险规定》有关事项的通知（东莞）
    ("在东莞上班，生育保险要从我工资里扣吗", "职工个人不缴纳", DGS),
    ("东莞生育保险单位交多少比例", "缴费比例为1%", DGS),
    ("東莞生育保險剛開始那一年多是不是降費了，降到多少", "下调至0.46%", DGS),
    ("在东莞交生育险要交满多久生孩子才能报", "累计参加生育保险满1年", DGS),
    ("东莞生育险交够一年了但没办就医确认，在定点医院生能报多少", "结算标准70%以内", DGS),
    ("东莞生育险才交了半年就生了，医疗费还能报吗", "满12个月后", DGS),
    ("我老婆没工作，我在东莞交生育保险，她生孩子能享受吗", "职工未就业配偶", DGS),
    ("东莞这个生育保险的通知是从哪天开始实施的", "2015年12月1日起实施", DGS),
    ("东莞申请生育保险待遇之前要先登记啥信息", "人口计生信息", DGS),
    # facts of the older thirty-six documents that no earlier batch asked
    ("嘉兴公司租房当员工宿舍，没搞消防安全制度会罚多少", "五百元以上五千元以下", JXZ),
    ("嘉兴租房垃圾清运费是房东出还是租客出", "生活垃圾清运费应当由业主交纳", JXZ),
    ("嘉兴政府会不会公布各个区的租金水平啊", "住房租金发布制度", JXZ),
    ("我在北京被认定了就业困难，现在自己打零工，社保能补点吗", "养老、医疗、失业等社会保险补贴", BJY),
    ("河南的大学要不要给学生开创业课", "开设就业、创业指导课程", HNJ),
    ("在河南登记失业的应届生去参加创业培训，有补贴没", "创业培训补贴", HNJ),
    ("河南灵活就业办了就业登记也交了社保，有补贴吗", "灵活就业人员社会保险补贴", HNJ),
    ("河南那个劳动预备制度培训多长时间", "三个月以上十二个月以内", HNJ),
    ("在杭州通过中介租到房了，中介几天内要把信息报上去", "自介绍成功之日起三个工作日内", ZJJ),
    ("我弟15岁跟我在浙江住，他的居住登记谁去报", "由其监护人申报居住登记", ZJJ),
    ("公司想把我今年的年假挪到明年休，要经过我同意吗", "应征得职工本人同意", NXJ),
    ("算没休年假的工资时，加班费算不算进月工资里", "剔除加班工资", NXJ),
    ("北京专业技术人员继续教育规定最早是哪年开始施行的", "1995年10月1日", BJJ),
    ("我在山东一家民企上班，能评职称吗", "非公有制经济组织", SDR),
    ("山东对刚毕业来工作的大学生，生活成本这块政府有啥说法", "降低其生活成本", SDR),
    ("山东的事业单位招急需的专业人才可以不笔试直接要吗", "采取直接考核的方式", SDR),
    ("惠城区16年初一靠积分进公办的名额有几个", "1478个", HCR),
    ("惠城区孩子读民办初中政府一年补多少", "2230元", HCR),
    ("惠城积分入学从报名到办完入学大概要多久", "大约1个月", HCR),
    ("东莞新就业的本科生申请公租房，申请表去哪领", "户籍或工作所在地的住建部门", DG2),
    ("厦门积分入学交社保那一项最多加到多少分", "本项总分不超过24分", XMR),
    ("厦门积分入学最后是怎么定去哪个学校的", "电脑派位", XMR),
    ("在厦门积分入学，计生这一项有分吗", "符合计划生育政策的，得5分", XMR),
    ("北京户籍改革那个实施意见里，办了居住证的外地人能用公积金吗", "缴存提取和使用住房公积金", BJH),
    ("按国家居住证条例，拿居住证能在当地办港澳通行证这些吗", "办理出入境证件", JZZ),
]

# Nothing in corpus/ answers these (checked with grep over all 41 documents,
# see README.md): (a) a document of that place or topic exists but does not
# state the item (or states it for another place, degree or year), (b) topics
# next to the corpus that no document covers, (c) places with no document.
EIGHTH_UNANSWERABLE = [
    # (a)
    "广州公租房一平方米租金具体是多少钱",
    "广州公租房一般排队要排几年才分得到",
    "广州公租房配租以后租赁合同一签签几年",
    "广州2018年公租房收入准入线调到多少了",
    "中山积分入学的孩子交医保，那个缴费基数具体是多少钱",
    "东莞生育津贴是按多少天发的",
    "东莞顺产生育保险最多能报多少钱",
    "东莞生育保险男的有几天陪产假",
    "深圳人才引进分值表里高中毕业算多少分",
    "中山城乡居民养老今年基础养老金涨到多少了",
    # (a) same topic, another place
    "佛山生育保险单位要交几个点",
    "广州城乡居民养老保险一个月最低交多少",
    "中山公租房怎么申请，要什么条件",
    "东莞住房租赁补贴每平方米补多少",
    "惠州积分入学的小孩能参加当地医保吗",
    "中山生育保险要交满几个月才能报销",
    "广州人才公寓咋申请，硕士能住不",
    # (b)
    "社保卡丢了怎么补办",
    "自由职业交职工社保一个月最少多少钱",
    "公积金贷款买房最长能贷多少年",
    "考研复试没过能申请调剂几次",
    "驾照科目一考试能预约几次",
    "新生儿医保要在出生后多久内办",
    "试用期被公司辞退有没有赔偿",
    "离职以后失业金要去哪里申请",
    # (c)
    "成都新就业的大学生能申请公租房吗",
    "武汉硕士毕业留汉有没有租房补贴",
    "本科毕业想把户口落南京，得先在那缴社保吗",
    "想去杭州面试，听说那边有给毕业生免费落脚的青年驿站，咋预约",
    "天津那边毕业生去见习单位，政府每月给多少钱",
    "在重庆开个小奶茶店，能申请多少额度的创贷",
    "苏州引进博士生活补贴多少钱",
    "我在泰州做工程的，本科毕业几年能报中级工程师",
    "合肥本科生租房补贴咋申请",
    "西安应届生落户要啥材料",
]


# Batch 9: 55 questions on the five documents added with it (Jiangsu social
# insurance contributions, employment promotion in Chengdu, Tianjin, Chongqing
# and Hohhot), 14 on facts of earlier documents that batches 1-8 asked little.
NINTH_ANSWERABLE = [
    # 江苏省社会保险费征缴条例
    ("我在泰州一家厂干了两年刚离职，老单位要在多少天内把我社保关系转走或者保留啊", "十日内", JSB),
    ("江苏这边社保费到底是社保局收还是税务收", "税务机关负责", JSB),
    ("本人自由职业 在南京 想自己交社保，能不能一年只报一次缴费数", "一年申报一次", JSB),
    ("公司老板说资金紧张要缓交社保，江苏最长能缓多久？医保也能一起缓吗", "不得超过六个月", JSB),
    ("江苏单位缓缴社保那段时间会被收滞纳金不", "不加收滞纳金", JSB),
    ("按江苏的规定 单位困难缓缴的时候 医保那一块能不能也缓", "除基本医疗保险费之外", JSB),
    ("江苏社保个人账户的对账单 经办机构一年最少给我寄几次", "至少向缴费个人发送一次", JSB),
    ("我个人交的那部分社保还要扣个税吗，江苏条例咋说的", "不计征个人所得税", JSB),
    ("在苏州想查下自己社保缴费记录，查询收钱吗", "免费为缴费单位", JSB),
    ("我爸农村户口在无锡打工，快退休了职工养老才交了十来年，不满十五年咋整", "延长缴费至满十五年", JSB),
    ("江蘇社保徵繳條例是哪天開始實行的", "2004年2月1日", JSB),
    # 成都市就业促进条例
    ("刚拿到成都一家公司offer，公司得在我入职后几天内去做就业登记", "三十日内", CDJ),
    ("成都这边辞职以后，原单位多久内要去公共就业服务机构备案", "十五日内", CDJ),
    ("成都用人单位一直不给员工办就业登计，逾期不改罚多少钱", "二千元以上一万元以下", CDJ),
    ("成都对就业困难的人号称托底安置，几天之内帮忙上岗", "两个工作日内", CDJ),
    ("成都企业的职工教育经费，用在一线职工身上最少要占几成", "百分之六十", CDJ),
    ("有人在成都骗就业补贴被查到了，个人会被罚多少", "五百元以上二千元以下", CDJ),
    ("我户口不在成都，在成都参加技能培训然后就业，给不给培训补贴", "非本市户籍", CDJ),
    ("表弟初中毕业想在成都读中职，政府有啥补助没", "学费和生活费补贴", CDJ),
    ("成都黑中介打着介绍工作的旗号骗钱，按人头罚多少", "一千元以上五千元以下", CDJ),
    ("成都大中专毕业生就业见习 政府搞不搞见习基地", "就业见习基地", CDJ),
    ("在成都领失业保险的人，是不是还得去参加社区公益活动", "社区公益性活动", CDJ),
    # 天津市就业促进条例
    ("面试天津一家公司，HR说入职前要先交两千块保证金，这合法吗", "收取保证金", TJJ),
    ("天津单位招人的时候把员工身份证扣着不还，条例允许吗", "扣押被录用人员", TJJ),
    ("天津有公司以实习的名义招在校大学生干活，被查到每招一个罚多少", "五百元罚款", TJJ),
    ("天津就业困难人员都包括哪些人，失业多长时间算", "连续失业一年以上", TJJ),
    ("我在天津正领失业金，想自己开个小店，剩下没领的能一次性拿吗", "一次性申领剩余期限", TJJ),
    ("天津吃低保的人出来自己创业，低保金能一次领几个月的", "十二个月的最低生活保障金", TJJ),
    ("天津人社那边公办的招聘会，求职的进场要交钱吗", "不得向劳动者收取费用", TJJ),
    ("天津單位招了人不去辦就業登記，按人頭罰多少", "一千元罚款", TJJ),
    ("我在天津跑滴滴算灵活就业 就业登记得去哪儿办", "街道或者乡镇", TJJ),
    ("天津公司招外国人没办工作许可 一个人罚几千", "五千元罚款", TJJ),
    ("天津的就失业证 办下来要教工本费吗", "免费发放就失业证", TJJ),
    # 重庆市就业促进条例
    ("我老家河南的在重庆上班，要干满多久失业了才能在重庆做失业登记", "稳定就业满六个月", CQJ),
    ("重庆户口的应届本科生毕业半年没找着工作，能去哪登记失业", "户籍所在地区县", CQJ),
    ("重庆这边创业担保贷款哪些人可以申请啊，退伍的能不能", "登记失业人员、退役军人", CQJ),
    ("重庆的创代是找银行直接申请还是通过谁去", "向相关金融机构", CQJ),
    ("在重庆登记失业以后 人社推荐的工作和培训连着拒几次就没免费服务了", "三次拒绝", CQJ),
    ("重庆公司招人写只要男生 发这种招聘简章罚多少", "五千元以上一万元以下", CQJ),
    ("重庆单位因为我是乙肝携带者不录用我 会被罚吗罚多少", "一千元以下的罚款", CQJ),
    ("重庆的单位招了就业困难人员申请社保补贴，个人那部分谁出", "个人缴纳部分仍由个人负担", CQJ),
    ("重庆黑中介借介绍工作骗钱，罚违法所得的几倍", "三倍以上五倍以下", CQJ),
    ("想在重庆的创业园租个工位，场地咋收费", "低价租赁或者免费", CQJ),
    ("重庆用人单位招了人 多少天内要去办用工备案", "用工之日起三十日内", CQJ),
    # 呼和浩特市就业促进条例
    ("去年毕业的专科生，打算在呼和浩特开个奶茶店，有没有创业补贴", "离校两年内", HHJ),
    ("呼市会不会在大学里面设就业服务战", "高校、商圈", HHJ),
    ("我们团队拿了全国大学生创业大赛的奖，项目落地呼和浩特有啥支持", "给予经费支持", HHJ),
    ("技校毕业有高级工证，去呼和浩特的企业上班有奖励不", "高级工以上", HHJ),
    ("呼和浩特一家人都没工作了，可以找谁申请援助", "至少一人", HHJ),
    ("呼市招聘能不能卡身高卡长相啊", "外貌、身高", HHJ),
    ("呼和浩特就业促进条例哪天开始施行", "2026年1月1日", HHJ),
    ("在呼和浩特打零工的，政府有没有专门的地方提供岗位信息", "零工驿站", HHJ),
    ("呼和浩特说要推进哪几个城市之间的就业公共服务协作", "呼包鄂乌", HHJ),
    ("毕业年度的大学生在呼和浩特能参加政府补贴的技能培训吗", "补贴性职业技能培训", HHJ),
    ("呼和浩特的创业担保贷款，政府贴不贴息", "贷款贴息", HHJ),
    # 已有文件里前八批问得少的事实
    ("河南这边离退休还差不到十年的失业人员，算不算就业困难人员", "十年以内", HNJ),
    ("河南进城打工的第一次考下特殊工种的职业资格证，有补贴没", "一次性职业技能鉴定补贴", HNJ),
    ("河南企业当年新招失业人员签一年以上合同，能享受哪些优惠", "税收减免优惠", HNJ),
    ("河南省就业促进条例是哪天起施行的", "2009年5月1日", HNJ),
    ("山东的人力资源服务机构搬了地址，多久内要去备案", "变更之日起三十日内", SDH),
    ("在山东 多大岁数才能通过中介或者招聘会找工作", "年满十六周岁", SDH),
    ("杭州办的浙江省居住证，多长时间签注一次", "每年签注一次", ZJJ),
    ("杭州房东没按时把租客信息报给派出所，会被罚多少", "每人一百元", ZJJ),
    ("我今年年假已经休完了，后来又请了好几个月病假，明年还有年假吗", "不享受下一年度的年休假", NXJ),
    ("河南办大型人才交流会，要提前多少天报上级核准", "举办之日十五日前", HNR),
    ("河南的人才中介乱收费被查，罚违法所得的几倍", "一倍以上三倍以下", HNR),
    ("中山城乡居民养老 我妈今年五十八，到多少岁才能按月领", "年满60周岁", ZSL),
    ("东莞生育的医疗费我先自己垫了，事后能申请啥", "一次性生育保险医疗费用", DGS),
    ("我引进入户深圳，孩子几岁以下才能一起随迁", "18周岁以下", SZ3),
]

# Nothing in corpus/ answers these (checked with grep over all 46 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state (an amount, a period, materials, a place inside the city), (b)
# topics next to the corpus that no document covers, (c) places with no
# document.
NINTH_UNANSWERABLE = [
    # (a) 新文件所在地、但文件没写这一项
    "江苏社保单位交百分之几、个人交百分之几，能给个具体数吗",
    "江苏社保交晚了，滞纳金每天按万分之几算",
    "南京灵活就业交社保，缴费基数最低能按多少报",
    "我从江苏跳槽去上海，社保转移要带哪些材料",
    "成都这边去见习基地当见习生，政府每月补贴标准是多少",
    "想在成都摆摊开个小吃店，小额担保贷款额度上限是几万",
    "成都公益性岗位补贴一个月补多少",
    "天津做微利项目拿了小额担保贷款，财政贴息期限几年",
    "天津职业中介帮失业人员找到工作，一个人补多少钱",
    "天津的用人单位去公办招聘会招人，要不要交展位费",
    "重庆创业担保贷款，财政贴息贴多少比例",
    "重庆应届生进见习基地，见习期最长多久",
    "重慶辦失業登記要帶哪些材料",
    "呼和浩特大学生创业补贴具体能拿多少钱",
    "本科毕业想落户呼和浩特，需要满足啥条件",
    "呼和浩特的零工驿站在哪，几点开门",
    "呼市引进的硕士有没有租房补贴，一个月多少",
    "呼和浩特就业困难人员认定标准具体是啥",
    "在呼和浩特送外卖，职业伤害保障一个月要交多少钱",
    "我在成都被裁了，失业那份保险金按月能拿到手几百还是上千",
    "天津企业招了连续失业一年多的人，那个社保补贴给几年期限",
    # (b) 语料旁边、没有文件涉及的事
    "大学生参军入伍，学费补偿能给多少",
    "2026年江苏最低工资标准是多少",
    "企业年金个人能不能自己单独交",
    "应届生签了三方协议还没报到，单位就解约了咋办",
    "毕业生就业报到证现在还要去哪里打印",
    "考下来的教师资格证多少年要定期注册一次",
    # (c) 没有文件的地方
    "南京的公司招了应届生，就业登记要在哪办",
    "包头对来就业的大学生有没有啥补贴",
    "四川绵阳有没有给毕业生的见习岗位，补贴咋算",
    "武汉灵活就业人员有没有社保补贴",
    "重庆两江新区人才公寓咋申请",
    "博士毕业打算去成都高新区，区里发不发一次性安家钱",
    "苏州工业园区的社保基数是按多少算的",
    "天津滨海新区应届硕士落户要交几年社保",
]


# Batch 10: 55 questions on the five documents added with it (Shanghai Huangpu
# incubator bases, Ningxia entrepreneurship and employment regulation, Benxi
# employment promotion regulation, Shenzhen Longgang primary school place
# guide, Dongguan school place tables), 10 on facts of earlier documents.
TENTH_ANSWERABLE = [
    # 上海市黄浦区创业孵化基地
    ("上海黄浦区经人社认定的创业孵化基地现在一共几家啊", "16家", HPC),
    ("我们仨打算在黄浦注册公司 入驻孵化基地的话工位补贴最多补多少钱", "最高不超过3万元", HPC),
    ("黄浦孵化基地那个工位补贴 最长能申请几个月", "最高申请时长6个月", HPC),
    ("拿到黄浦创卡以后在区里注册还带动了就业，一次性创业补贴给多少", "2万元-4万元", HPC),
    ("毕业多少年以内的才能办黄浦创卡呀", "高校毕业5年内", HPC),
    ("黄浦那些孵化基地加起来孵化面积有多大", "19.3万平方米", HPC),
    ("8号桥创意园区办公室租金报价多少一平一天", "6.5元/平/天", HPC),
    ("黄浦区科技创业中心孵化基地想租思南路那层楼，找哪位联系", "金夏荫", HPC),
    ("慧想i+iDEA的工位一个月几钱", "2100元/月/个", HPC),
    ("宏慧盟智园具体在哪条路几号", "蒙自路207", HPC),
    ("与联联合办公总共有多少个工位 离哪个地铁站近", "288个工位", HPC),
    ("上海集成电路设计孵化基地联合办公区的工位多少钱一个月", "900元/个/月", HPC),
    ("SOHO丽园地址在哪，以前是干嘛的", "丽园路501号", HPC),
    ("黄浦那个大有领域孵化基地在徐家汇路几楼", "徐家汇路610号25楼", HPC),
    # 宁夏回族自治区创业与就业促进条例
    ("宁夏政府安排的创业发展资金 都能花在哪些地方", "贷款担保基金", NXC),
    ("在银川想开个职业中介所，开办资金最少得有多少", "不少于三万元", NXC),
    ("宁夏申请开职业中介 交了材料人社几天内给答复", "十五个工作日内", NXC),
    ("宁夏企业招了就业困难人员签一年合同，政府社保补贴一般最长给几年", "不超过三年", NXC),
    ("我爸离退休还差四年，宁夏企业招他的话社保补贴能一直补到退休吗", "可延长至退休", NXC),
    ("宁夏的大中专毕业生自己创业 贷款有没有贴息", "贷款贴息扶持", NXC),
    ("宁夏创业与就业促进条例几号开始实施的", "2009年7月1日", NXC),
    ("宁夏进城打工的参加就业培训，政府给啥补贴", "一次性就业培训补贴", NXC),
    ("宁夏单位老是拖欠工资 人社会让它咋办", "预存工资保证金", NXC),
    ("寧夏的公共就業服務機構能免費幫我辦失業登記嗎", "办理就业登记、失业登记", NXC),
    ("宁夏开职业中介要几个专职工作人员", "三名以上", NXC),
    # 本溪市就业促进条例
    ("我前年本科毕业，在本溪租了个门面头一回创业，有场地补贴没，一年给多少", "6000元/年", BXJ),
    ("本溪创业场地补贴最多能领几年啊", "补贴期限不超过2年", BXJ),
    ("本溪的创业场地补贴，高校毕业生要毕业几年内才算", "毕业3年内", BXJ),
    ("本溪场地补贴是不是得先正常经营一段时间才能申请 多久", "正常经营1年以上", BXJ),
    ("本溪失业了想创业，创业担保贷款找哪个部门申请", "区人力资源和社会保障部门", BXJ),
    ("本溪黑中介收求职的人押金，按人头罚多少", "五百元以上二千元以下", BXJ),
    ("在本溪没许可偷偷做职业中介被查到 罚款是多少", "一万元以上三万元以下", BXJ),
    ("本溪家里一个上班的都没有，去哪申请就业援助", "住所地街道、社区", BXJ),
    ("本溪市就业促进条例是哪天施行的", "2012年3月1日", BXJ),
    ("本溪对刚毕业的新成长劳动力 免费职业培训至少多长时间", "至少3个月", BXJ),
    ("本溪低保户家里有人找到工作了 低保还能接着领不", "继续享受城市低保待遇", BXJ),
    ("本溪政府投资的市场摊位 优先租给啥样的人", "优先向就业困难人员出租", BXJ),
    # 深圳市龙岗区2016年小学一年级学位申请指南
    ("深圳龙岗2016年上小一 孩子得是哪天之前出生的", "2010年8月31日", LGX),
    ("龙岗小一学位申请一共可以填几个志愿", "四个志愿", LGX),
    ("我们非深户在龙岗给娃申请小一，民办学校必须填几所", "两所及以上民办学校", LGX),
    ("龙岗小一学区积分满分多少分", "满分为110分", LGX),
    ("非深户在龙岗学区租房住，小一基础分算多少", "基础分为60分", LGX),
    ("龙岗户口又在学区买了房的，小一基础分有多少", "基础分为100分", LGX),
    ("龙岗积份入学加分最多能加到几分", "不得超过10分", LGX),
    ("龙岗学位房制度，用过一次的房子小学阶段要锁几年", "小学锁定6年", LGX),
    ("龙岗区教育局基教科的咨询电话多少", "89551962", LGX),
    ("听说龙岗2017年小一积分不再看工伤险了，改看啥", "养老保险+医疗保险", LGX),
    ("在龙岗申请小一 独生子女能加几分", "独生子女加2分", LGX),
    # 2013-2014年东莞市新莞人子女积分制入学学位供给情况公布
    ("东莞2014年给新莞人的孩子一共提供了多少个积分学位", "25119个", DGX),
    ("东莞2014年积分制入学工作啥时候截止", "2014年6月20日", DGX),
    ("东莞2013年小学一年级给新莞人子女多少学位", "13518个学位", DGX),
    ("2013年东莞虎门镇小一一共给外地娃多少个学位", "1062", DGX),
    ("东莞新莞人积分入学的申请表去哪里领", "新莞人服务管理中心领取", DGX),
    ("东莞积分入学的优惠政策学位，包不包括企业人才的小孩", "含企业人才子女", DGX),
    ("2013年莞城初一的新莞人学位是怎么分配的", "纳入电脑派位", DGX),
    # 已有文件里前九批问得少的事实
    ("天津公司跟我解除合同以后，单位要在多少天内去公共就业服务机构办手续", "解除之日起十五日内", TJJ),
    ("天津做劳务派遣的公司，工商登记完多少天内要去人社备案", "登记后十日内", TJJ),
    ("重庆给残疾人做职业培训的补贴，钱从哪儿出", "残疾人就业保障金", CQJ),
    ("重庆三峡库区的移民考技能证 评价补贴从哪列支", "移民培训补助费", CQJ),
    ("北京专业技术人员继续教育的费用到底谁出", "多渠道解决", BJJ),
    ("北京继续教育除了进修班，去听学术讲座算不算", "学术讲座", BJJ),
    ("北京继续教育课是啥职称的人来讲", "高、中级专业技术人员", BJJ),
    ("上海的公共就业服务机构给用人单位办招退工登记收不收钱", "招退工登记备案", SH1),
    ("上海有没有对社会开放的公共实训基地能去练技术", "公共实训基地", SH1),
    ("成都职业技能培训补贴标准会不会跟着培训成本调整", "调节机制", CDJ),
]

# Nothing in corpus/ answers these (checked with grep over all 51 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document asking about topics the corpus covers
# elsewhere, (c) another year, grade or category than the document covers.
TENTH_UNANSWERABLE = [
    # (a) 新文件所在地、但文件没写这一项
    "黄浦创卡具体去哪申请，要准备啥材料",
    "黄浦孵化基地的工位补贴是按月打钱还是一次性给",
    "黄浦区的一次性创业开办补贴具体能给多少钱",
    "8号桥那边能不能只租一个工位，一个工位多少钱",
    "黄浦创业的社保费补贴一个人一个月补多少",
    "宁夏职业介绍许可证有效期几年，到期咋续",
    "银川大学生创业的一次性补贴能拿多少钱",
    "宁夏小额贷款担保最多能给创业者担保多少",
    "宁夏的创业服务热线电话是多少",
    "本溪创业担保贷款最高能贷多少万",
    "本溪的高校毕业生就业见习补贴一个月多少",
    "本溪领失业保险金一个月能拿多少",
    "本溪公共就业服务机构在哪，几点上班",
    "龙岗2016年小一网上预报名几月几号开始",
    "龙岗被民办学校录取了，政府的学位补贴一年补多少钱",
    "龙岗区2016年小一公办学校一共招多少学生",
    "龙岗那个新亚洲学校的招生地段包括哪些小区",
    "东莞新莞人子女积分入学一般要多少分才能录上",
    "东莞积分入学的积分表里父母是本科能加几分",
    # (b) 没有文件的地方
    "银川有没有给来找工作的应届生免费住几天的青年驿站",
    "沈阳大学生自主创业有没有场地补贴，一年多少",
    "大连的创业孵化基地能给多少工位补贴",
    "杭州西湖区的众创空间一个工位一个月多少钱",
    "深圳宝安区小一学位申请积分是怎么算的",
    "广州天河区小一积分入学满分多少",
    "鞍山的高校毕业生自主创业有场地补贴吗",
    "西宁高校毕业生就业见习补贴怎么领",
    "延边大学生创业担保贷款贴息能贴几年",
    "上海浦东新区创业孵化基地有没有房租补贴",
    # (c) 别的年份、年级或类别
    "东莞2014年虎门镇小一积分制学位分到多少个",
    "东莞2015年给新莞人子女提供了多少积分学位",
    "东莞2013年初三插班给新莞人子女多少学位",
    "本溪给引进的博士发不发安家费",
    "宁夏对来工作的硕士研究生有没有生活补贴",
    "黄浦区给新引进的硕士发租房补贴吗，一个月多少",
]


ELEVENTH_ANSWERABLE = [
    # 河南省职业培训条例
    ("在河南开个培训班没去审批就招生了，被查到罚多少", "违法所得一倍以上三倍以下", HNP),
    ("我技校高级工班毕业 在河南考公务员，学历能按大专算吗", "参照中专、大专、本科", HNP),
    ("河南企业的职工教育经费，规定至少多少得花在一线工人身上", "百分之六十以上", HNP),
    ("河南公司一直不按规定提职工教育经费，人社让改也不改，罚多少", "一万元以上五万元以下", HNP),
    ("河南职业培训条列哪天起施行的", "2018年1月1日", HNP),
    ("應屆大學畢業生在河南參加職業培訓，能享受培訓補貼嗎", "毕业年度高校毕业生", HNP),
    ("我弟农村的，初中毕业没考上高中，在河南参加劳动预备制培训除了学技术还有没有生活补贴", "生活费补贴", HNP),
    ("今年刚退伍回河南，参加职业培训要自己掏钱吗", "免费职业培训", HNP),
    ("河南的公共实训基地是哪级政府负责建", "省辖市人民政府", HNP),
    ("在河南技能比赛拿了第一名，除了奖状还有啥好处", "破格取得相应职业技能等级", HNP),
    ("河南培训机构发招生广告，规定必须写清楚哪些东西", "培养目标、培训内容", HNP),
    ("想在河南干电工这种涉及公共安全的工种，上岗前有啥硬性要求", "取得相应的职业资格", HNP),
    ("河南的企业可以设首席技师吗", "首席技师岗位", HNP),
    # 延边朝鲜族自治州就业促进条例
    ("延边初高中毕业没升学的，参加预备培训起码要学多久", "最低不少于一个月", YBJ),
    ("延边州的就业补助资金 能用来发见习补贴吗", "就业见习补贴", YBJ),
    ("延边一家人都没工作的，政府保证至少几个人能就业", "至少有一人实现就业", YBJ),
    ("我老家延边边境村的，想回村里创业，政府支不支持", "边境村的返乡入乡创业", YBJ),
    ("在延边找中介介绍工作，中介让我先交押金正常吗", "收取抵押金", YBJ),
    ("延边有没有专门的创业担保贷款担保基金", "创业担保贷款担保基金", YBJ),
    ("我是应届生 想进延边的创业孵化基地搞startup，场地费用能少点不", "减免相关费用", YBJ),
    ("在延边跑外卖的，出了事有没有职业伤害保障", "职业伤害保障制度", YBJ),
    ("延边这个就业条例改完以后从啥时候生效", "自公布之日起施行", YBJ),
    ("延边的街道人社服务站能帮忙调解劳动争议吗", "劳动争议调解", YBJ),
    ("在延边开公司招了员工，HR问录用以后要办啥手续", "录用备案手续", YBJ),
    ("我在韩国打工好几年刚回延边，想自己干点买卖，州里有优惠吗", "境外就业归国人员", YBJ),
    ("在延边打小时工，单位要跟我签什么", "订立用工协议", YBJ),
    # 佛山市非户籍常住人口子女入读义务教育公办学校实施办法
    ("我是佛山引进的博士，孩子读公办小学算政策性借读生吗", "博士、博士后研究人员", FSJ),
    ("海归回佛山创业的，孩子上公办学校有没有照顾", "归国创业留学人员", FSJ),
    ("在佛山同一个区住着交社保，要满几年孩子才能按政策性借读生入学", "满5年以上（含5年）", FSJ),
    ("在佛山买了房，面积要多大孩子才算政策性借读", "不低于80平方米", FSJ),
    ("外地人在佛山投资办厂，投多少钱孩子能优先读公办", "200万元人民币", FSJ),
    ("佛山普通借读生，在佛山要住满多久才能申请", "居住1年以上", FSJ),
    ("佛山公办学位不够，普通借读生咋排", "凭积分申请入读", FSJ),
    ("佛山借读生拟录取名单公示几天才算OK", "不少于5个工作日", FSJ),
    ("佛山申请借读要是交了假材料会怎样", "取消入读公办学校资格", FSJ),
    ("佛山外地孩子申请公办学校 去哪儿交申请", "镇（街道）教育行政部门", FSJ),
    ("我手上是引进人才类的广东省居住证，有效期得几年以上孩子才算政策性借读生", "有效期3年及以上", FSJ),
    ("佛山发了入学通知书，过了时间没去报到会怎么样", "视为自动放弃", FSJ),
    # 2015年度中山市积分入户入学指标数公告
    ("15年中山流动人员入户的名额总共是多少", "4400名", ZSZ),
    ("2015年中山积分入学指标总数是多少", "19700名", ZSZ),
    ("小揽镇2015年积分入学名额一共多少个", "2200", ZSZ),
    ("中山开发区2015年小一积分学位给了多少", "800", ZSZ),
    ("石岐区凭积分入户通知书入学的名额2015年有几个", "190", ZSZ),
    ("2015年中山全市初一积分入学指标加起来多少", "8030", ZSZ),
    ("中山民众镇15年初一积分学位有多少", "770", ZSZ),
    ("神湾镇2015年积分入学一共才几个名额", "170", ZSZ),
    ("中山积分入户入学指标是依据哪个积分制管理规定定的，文号多少", "中府〔2014〕106号", ZSZ),
    # 深圳市2014-2016年非本市户籍就业人员随迁子女参加中考的工作方案
    ("我们非深户，孩子2016年在深圳中考，家长居住证得连续持有满几年", "有效居住证满3年", SZK),
    ("深圳隨遷子女中考，家長社保要交滿多久娃才能考公辦普高", "累计满3年", SZK),
    ("孩子要在深圳读完几年初中才能在深圳报名中考", "3年完整初中学籍", SZK),
    ("非深户条件不够的话，孩子在深圳参加中考只能考啥学校", "民办普高自主招生", SZK),
    ("深圳2017年以后随迁子女中考政策是怎么说的", "另行制定", SZK),
    ("深圳义务教育的学位有多大比例给了外地孩子", "70%以上", SZK),
    ("深圳随迁子女参加中考的那个工作方案文号是多少", "深府办函〔2014〕1号", SZK),
    ("现在深圳中考抱名资格是谁来审核的", "初中毕业学校初审", SZK),
    ("深圳未来四年打算新增多少个公办普高学位", "3万个", SZK),
    # 已有文件里前十批问得少的事实
    ("山东想引进高层次人才但单位没编制了，有啥办法", "临时周转编制专户", SDR),
    ("在山东高校搞成果转化拿了股权奖励，个税什么时候交", "待分红或者转让时", SDR),
    ("我是山东引进的高端人才，政府会派专人跟进服务不", "配备服务专员", SDR),
    ("山东会不会公布本地需要什么人才的目录", "人才需求目录", SDR),
    ("山东有没有专门给海归创业的留学人员创业园", "留学人员创业园", SDR),
    ("山东评青年人才的时候，评价周期是缩短还是延长", "适当延长", SDR),
    ("退休的老专家在山东还能返聘出来干吗", "退休返聘", SDR),
    ("宁夏机关事业单位的工勤岗位能拿来安置就业困难人员吗", "工勤服务岗位", NXC),
    ("宁夏的大学和职业院校要不要开创业课", "创业课程设置", NXC),
]

# Nothing in corpus/ answers these (checked with grep over all 56 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year, grade or category
# than the document covers, (d) adjacent topics no document covers.
ELEVENTH_UNANSWERABLE = [
    # (a) 新文件所在地、但文件没写这一项
    "河南考了个中级工证，能领多少钱的鉴定补贴",
    "河南劳动预备制培训的生活费补贴一个月给多少",
    "河南民办职业培训学校一般收多少学费",
    "河南企业设了首席技师，政府每月给不给津贴、给多少",
    "延邊一次性創業補貼能拿多少錢",
    "在延边找银行办创贷，单个人额度上限是几万",
    "延边的临工市场具体在哪儿",
    "延边就业促进的举报投诉电话是多少",
    "珲春边境村返乡创业能拿多少补贴",
    "佛山普通借读生积分表里，有房子能加几分",
    "佛山借读生在公办学校读书，一学期要交多少借读费",
    "佛山政策性借读生那个证明材料一览表里，具体要交哪几样",
    "中山2015年积分入户指标，每个镇区各分了多少",
    "想让娃在中山排上公办学位，积分大概得攒到多高",
    "深圳随迁子女中考，家长交的社保得是哪几个险种才算",
    "深圳非深户孩子中考报名要交哪些证明材料",
    "深圳公办普高给非深户考生留的正取生名额到底有多少",
    "深圳那个随迁子女中考方案的实施细则什么时候出",
    # (b) 没有文件的地方
    "珠海外地孩子读公办小学要满足啥条件",
    "江门随迁子女在当地参加中考有啥条件",
    "肇庆引进的博士，孩子上学有没有照顾",
    "温州非户籍孩子中考要交几年社保",
    "长春职业技能提升补贴怎么申请",
    "洛阳技工学校毕业能不能直接落户",
    "汕头外来工子女每年能排到几个公办位置",
    "哈尔滨技师学院毕业生考公务员算什么学历",
    # (c) 别的年份、年级或类别
    "中山2014年积分入户指标有多少",
    "中山2016学年给外地娃的积分学位总数是多少",
    "中山2015年高一有没有积分入学指标，多少个",
    "深圳2018年非深户孩子中考要满足啥条件",
    "拿到佛山一家企业的offer，我是引进的硕士，孩子申请公办积分能加几分",
    "延边引进的硕士有没有安家补贴",
    "随迁子女在深圳参加高考要满足啥条件",
    # (d) 语料旁边、没有文件涉及的题目
    "技能等级证书丢了去哪补办",
    "职业培训补贴能跟失业保险金一起领吗",
]


TWELFTH_ANSWERABLE = [
    # 浙江省就业促进条例
    ("浙江这边 技工学校高级工班出来的人考编考公按啥学历对待", "视同中专、大专、本科", ZJC),
    ("浙江企业招聘公告写了要本科，技师班毕业的话公告里要不要写明视同", "毕业证视同相应学历", ZJC),
    ("浙江公司不认技校生的学历待遇，人社让改还不改，罚款多少", "五千元以上三万元以下", ZJC),
    ("在杭州入职，HR让我重新体检，可我四个月前刚做过基本体检，能不能不做", "六个月内", ZJC),
    ("浙江找工作，公司能查我以前的病历和有没有犯罪记录吗", "不得查询劳动者的诊疗记录", ZJC),
    ("浙江招聘网站帮公司发了带歧视的招聘广告，拒不改正的话罚多少", "一万元以上二万元以下", ZJC),
    ("浙江企业的职工教育经费一线员工那块至少得占多大比例", "百分之七十", ZJC),
    ("I'm 海归 留学回来去宁波找工作，能享受浙江给高校毕业生的就业政策不", "经过国家学历认证", ZJC),
    ("毕业快一年了还没上班 想在浙江参加就业见习 去哪报名", "公共就业服务机构", ZJC),
    ("浙江一家人全都失业了，政府最少给安排几个人工作", "至少一名成员", ZJC),
    ("我是浙江认定的就业困难人员 现在打零工自己交社保 社保补贴最多补多少", "三分之二", ZJC),
    ("浙江公益性岗位给单位的岗位补贴，标准是参照啥定的", "当地最低工资标准", ZJC),
    ("非全日制研究生毕业，浙江的国企能不能因为这个不要我", "作为限制性条件", ZJC),
    ("浙江中考 中职技校跟普高是一起招生吗", "同批次并行招生", ZJC),
    ("浙江有沒有那種創業失敗的補償保險", "创业失败补偿类商业保险", ZJC),
    ("在浙江入驻政府办的众创空间创业 场地费能减免不", "减免创业人员的场地", ZJC),
    ("我农村户口在浙江打工没活干了 失业登记能在现在住的地方办吗", "经常居住地办理失业登记", ZJC),
    ("我在浙江跑滴滴算灵活就业，能自己交职工养老和医保不", "以个人身份参加", ZJC),
    ("浙江那个就业促近条例 24年几月几号生效的", "2024年7月1日", ZJC),
    ("浙江招聘能不能要求女生承诺几年内不结婚不生孩子", "婚姻、生育状况", ZJC),
    ("浙江的骑手送外卖路上出事受伤了，平台要担什么责任", "职业伤害保障责任", ZJC),
    # 安徽省新就业形态劳动者劳动权益保障规定
    ("在合肥跑美团外卖 算不算规定里说的新就业形态劳动者", "平台网约服务", AHX),
    ("安徽的外賣平台讓我先交押金才能接單 這合法嗎", "不得以缴纳保证金、押金", AHX),
    ("我同时在两个平台跑单，安徽的平台能限制我只跑它家吗", "在多个平台就业", AHX),
    ("在安徽开网约车，不算劳动关系的话社保能自己交吗 在哪交", "户籍地、就业地或者居住地", AHX),
    ("安徽平台跟不算劳动关系的骑手签书面协议，一般啥时候签", "注册平台个人账户时", AHX),
    ("安徽平台定派单算法和抽成规则，要不要听骑手的意见", "劳动者代表的意见建议", AHX),
    ("安徽下大雨半夜还在送单，平台会多给钱吗", "恶劣天气、夜间", AHX),
    ("合肥跑外卖的突然遇到事生活困难了 政府有救助吗", "临时救助", AHX),
    ("安徽新就业形态劳动者权益保障规定几号开始施行", "2025年9月1日", AHX),
    ("安徽小区物业不让外卖电动车临时停一下，规定里有说法没", "交通工具临时停放", AHX),
    ("安徽平台通过人力资源公司跟我签了三方协议，那平台是不是就不用负责了", "用工主体责任", AHX),
    ("安徽骑手被顾客恶意投诉扣钱，平台应该咋处理投诉", "甄别恶意投诉", AHX),
    # 关于调整北京市2025年最低工资标准的通知
    ("北京25年最低工资update了没 调到多少", "2540元", BJW),
    ("现在北京最低工资按小时算是多少钱", "14.6元", BJW),
    ("我在北京做兼职 非全日制 25年9月以后小时最低工资是多少", "27.7元", BJW),
    ("北京新标准下，非全日制法定节假日上班每小时最低多少", "65.1元", BJW),
    ("北京最低工资里面包括加班费吗 我月薪刚好两千五", "加班、加点工资", BJW),
    ("北京2025年最低工资新标准几月几号开始执行", "2025年9月1日", BJW),
    ("北京这次调整最低工资的文件是几号文", "〔2025〕7号", BJW),
    ("北京计件工资的厂 按件算钱 工资能比最低工资低吗", "不低于我市最低工资标准", BJW),
    ("北京夜班津帖算不算在最低工资里面", "另行支付", BJW),
    # 解读问答《关于调整北京市2023年最低工资标准的通知》
    ("北京2023年最低工资调完是每月多少", "2420元", BJQ),
    ("21年的时候在北京上班 最低月薪是按多少算", "2320元", BJQ),
    ("北京23年调整后 非全日制小时最低工资多少钱", "26.4元", BJQ),
    ("2021年北京兼职的小时最低工资是多少", "25.3元", BJQ),
    ("北京最低工資的定義是啥 解讀裡怎麼說的", "正常劳动义务", BJQ),
    ("北京23年那次调最低工资是按哪个规定来的", "《最低工资规定》", BJQ),
    # 历年北京市全口径城镇单位就业人员平均工资
    ("北京2024年全口径城镇单位就业人员年平均工资是多少", "143244", BJP),
    ("北京25年社平工资 每个月合多少钱", "12116", BJP),
    ("北京2022年平均工资 按月的话是多少", "11297", BJP),
    ("北京全口径平均工资这个数是拿来干嘛用的", "缴费基数上下限", BJP),
    ("北京2019年全口径年均工资", "106168", BJP),
    ("北京算平均工资的时候，个人交的社保和公积金算进去吗", "社会保险基金个人缴纳部分", BJP),
    ("北京全口径平均工资是咋算出来的", "加权计算", BJP),
    ("20年北京社平月工资是多少钱", "9407", BJP),
    ("18年北京全口径平均工资一年是多少", "94258", BJP),
    # 已有文件里前十一批没问过的事实
    ("在呼和浩特跑外卖，平台必须跟我签合同吗", "劳动合同或者书面协议", HHJ),
    ("成都老板不提取职工教育经费 人社限期也没改 会怎么罚", "一至三倍", CDJ),
    ("重庆公司提的职工教育经费 能不能挪去别的用", "专款专用", CQJ),
    ("本溪有些小企业自己没能力搞职工培训 政府咋处理它们的职工教育经费", "实行统筹", BXJ),
    ("我是东莞户籍的农民 没单位 生育保险要自己掏钱吗 按什么基数交", "全市职工月平均工资", DGS),
    ("河南企业给员工搞在岗技能提升培训，钱从哪出", "从职工教育经费列支", HNP),
    ("上海市政府用哪些办法来预防欠薪", "保证工资发放", SH1),
    ("北京的就业援助制度要和哪些制度衔接", "最低工资制度", BJY),
]

# Nothing in corpus/ answers these (checked with grep over all 61 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
TWELFTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "听说北京明年26年还要涨最低工资 涨到多少",
    "北京2019年的时候月最低工资是多少",
    "我想算下2016年北京的社平工资 全口径那个数有吗",
    "北京社保个人缴费基数下限具体是多少钱",
    "夏天在北京工地干活 高温津贴标准是每月多少钱",
    "北京24年非私营单位的在岗职工平均工资多少",
    "北京做兼职的话一天最多能让干几个小时",
    "浙江就业见习单位每接收一个见习生 政府补多少钱",
    "想在浙江申请创贷 个人额度上限是几十万",
    "杭州的零工市场在哪儿",
    "浙江体检结果互认 哪些医院的体检报告认",
    "浙江用人单位按比例安排残疾人就业 比例是百分之几",
    "浙江申请就业援助 需要带什么证明材料去",
    "浙江HR面试问我有没有对象打不打算生孩子，被查了罚多少",
    "安徽骑手职业伤害保障是平台交钱还是自己交",
    "安徽外卖平台抽成比例最高不能超过多少",
    "安徽骑手申请临时救助一次能领多少钱",
    "安徽平台不给符合劳动关系的骑手交社保，会被罚多少钱",
    # (b) 没有文件的地方
    "上海现在的月最低工资是几千块",
    "天津现在最低工资每月多少钱",
    "杭州的最低工资标准现在每个月多少",
    "广州去年的社会平均工资大概多少",
    "深圳社平工资现在每月多少",
    "武汉跑网约车的 社保能不能按灵活就业自己交",
    "宁波政府办的孵化基地场地费能免几年",
    "合肥打工最低月薪标准是多少钱",
    "在成都打工 工资最低不能低于多少",
    # (c) 别的年份或类别
    "北京2025年城镇私营单位平均工资多少",
    "17年北京兼职按小时最低给多少钱",
    "安徽新就业形态规定对网约车司机一天最多开几个小时有上限吗",
    # (d) 语料旁边、没有文件涉及的题目
    "北京个税起征点一个月是多少",
    "北京住房公积金缴存基数上限多少",
    "加班工资是按最低工资算还是按实际工资算",
    "网约车司机的从业资格证去哪考",
    "兼职的工资多久必须结一次",
]


THIRTEENTH_ANSWERABLE = [
    # 陕西省就业促进条例
    ("我大专刚毕业 想在西安摆个摊做个体户 那些行政事业性收费要交吗", "免除行政事业性收费", SXJ),
    ("个人自主创业优惠证是干啥用的 谁能领", "享受有关优惠扶持政策", SXJ),
    ("陕西创业的话除了税费减免 还有啥扶持", "免费提供开业指导", SXJ),
    ("毕业大半年了还没找到第一份工作，在陕西能不能算就业困难人员", "超过半年未实现首次就业", SXJ),
    ("陕西公共就业服务机构帮忙办失业登记 要收钱吗", "免费提供下列服务", SXJ),
    ("陕西一家子都失业了 找社区申请就业援助 多少天内给安排", "三十日内", SXJ),
    ("西安那个中介要扣我身份证还让交押金 这合法不", "变相收取押金", SXJ),
    ("在陕西开劳务中介 公司里得有几个持证的专职员工", "三名以上具备相应职业资格", SXJ),
    ("陕西黑中介骗人找工作 查到了罚多少钱", "一万元以上五万元以下", SXJ),
    ("我是乙肝小三阳 陕西的公司能因为这个不要我吗", "传染病病原携带者", SXJ),
    ("农村户口在陕西进厂 工资能跟城里户口的不一样吗", "同工同酬", SXJ),
    ("我还在intern 要是毕业后在陕西没找到工作 能参加就业见习不", "离校未就业毕业生", SXJ),
    ("我是硕士刚毕业 还没签工作 在陕西参加职业培训有补贴不", "就业培训补贴", SXJ),
    ("陕西就业促近条例啥时候施行的", "2010年1月1日", SXJ),
    ("被認定為就業困難人員 在陝西打零工自己交社保 有補貼嗎", "享受社会保险补贴", SXJ),
    ("陕西招人的时候歧视我 我能去告吗", "向人民法院提起诉讼", SXJ),
    # 江西省居住证制度实施细则
    ("拿了南昌一家公司的offer 想把户口落到南昌中心城区 居住证要办满几年", "办理居住证满2年", JXR),
    ("在九江租房住 也签了劳动合同 户口能迁过去吗", "合法稳定住所（含租赁）", JXR),
    ("江西居住证材料交齐了几天能拿证", "5个工作日内", JXR),
    ("江西办居住征要带几张照片 什么规格", "1寸彩色相片2张", JXR),
    ("江西居住证一年要签注几次 签注收费不", "每年签注1次", JXR),
    ("我在赣州搬家了 居住证上的地址要去哪改", "办理变更手续", JXR),
    ("我在南昌读研 户口没迁 能办居住证吗", "连续就读", JXR),
    ("江西居住证过了签注时间没去签 会怎么样", "使用功能中止", JXR),
    ("在江西拿居住证上班 公积金能不能交能不能取", "使用住房公积金", JXR),
    ("孩子跟我在江西读高中 没本地户口 要几年学籍才能在江西高考", "2年以上连续就学记录", JXR),
    ("第一次办江西居住证收不收工本费", "免收证件工本费", JXR),
    ("江西居住证实施细则是哪天开始执行的", "2016年4月20日", JXR),
    ("拿着江西居住证可以申请公租房不", "申请公共租赁住房", JXR),
    # 福州市关于城乡居民基本医保政策一体化实施方案
    ("福州城乡居民医保16年个人一年大概交多少", "120元左右", FZY),
    ("福州居民医保一般几月份开始交 交到啥时候", "9月1日至次年2月底", FZY),
    ("在福州三甲医院住院 居民医保起付线多少钱", "800", FZY),
    ("福州居民医保在社区卫生服务中心住院能报几成", "90", FZY),
    ("福州居民医保住院费超过6万的那部分报多少", "40", FZY),
    ("我老婆是福州城乡居民医保 顺产能报多少钱", "800元", FZY),
    ("福州居民医保普通门诊一年最多报多少", "400", FZY),
    ("福州城乡居民医保大病补偿按多少比例付", "支付比例为50%", FZY),
    ("I'm 外地学生 在福州读大专 能参加福州的城乡居民医保吗", "大中专院校学生", FZY),
    ("福州一年住了两回院 第二次起付线还一样吗", "依次递减100元", FZY),
    ("我爸在福州有糖尿病 靠居民医保 门诊特殊病种每年封顶多少钱", "4000", FZY),
    ("在福州三甲医院做肿瘤放疗 居民医保报销比例是多少", "统一按55%执行", FZY),
    ("福州城乡居民医保门诊特殊病种一共几类", "15类", FZY),
    # 湖北省住建厅关于解决农民工住房问题的指导意见
    ("湖北每年竣工的公租房 给农民工的比例最少多少", "不低于30%", HBZ),
    ("我在武汉工地干活 公司该不该给我交住房公积金", "纳入住房公积金缴存范围", HBZ),
    ("HR说我们农民工不用交公基金 湖北有规定没 公司不交会咋样", "进行曝光", HBZ),
    ("农民工在湖北买房 首付和贷款年限有照顾吗", "首付比例和贷款年限", HBZ),
    ("农村宅基地能换城里的房子吗", "宅基地与城镇住房的置换", HBZ),
    ("湖北解决农民工住房问题那个指导意见是哪个部门发的", "湖北省住建厅", HBZ),
    ("单位没条件给我们建宿舍 湖北鼓励他们咋帮我们租房", "住房租赁补贴", HBZ),
    # 《惠州市城乡居民基本养老保险暂行办法》出炉（南方日报）
    ("惠州城乡居民养老最高一档一年交多少", "3600元", HZY),
    ("我在读大二 户口在惠州 家里让我参加城乡养老 学生能参保吗", "不含在校学生", HZY),
    ("惠州居民养老按年交的话最晚哪天前交", "3月31日前", HZY),
    ("惠州城乡居民养老 财政每人每年补多少", "不少于30元", HZY),
    ("惠州城乡居民养老选480以上的档 财政补贴有啥变化", "增加30元", HZY),
    ("惠州居民养老交满15年以后 每多交一年养老金多几块", "每月增发3元", HZY),
    ("惠州参加居民养老的人 到几岁开始每个月发养老金", "年满60周岁", HZY),
    ("惠州领居民养老金的人 每年几月份要交生存证明", "5月1日至6月30日", HZY),
    ("惠州領養老金的老人去世了 喪葬補助費給多少", "700元", HZY),
    ("惠州被征地农民的基本养老金统一成每月多少", "270元", HZY),
    # 已有文件里前十二批没问过的事实
    ("中山城乡养老缴费档次里最贵的是每月几十块", "50元", ZSL),
    ("中山城乡居民养老保险费是哪个部门收", "地方税务机关征收", ZSL),
    ("厦门那个补缴医保的政策 女的要一次补足多少年", "女20年", XMY),
    ("福建居住证材料齐全的话 公安几天内发证", "受理后15日内", FJ),
    ("国务院14年户改意见里 进城落户的农民住房保障怎么安排", "完全纳入城镇住房保障体系", GW2),
    ("1亿人落户方案里 农民工能不能交住房公积金", "农业转移人口纳入覆盖范围", GW),
]

# Nothing in corpus/ answers these (checked with grep over all 66 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
THIRTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "陕西个人自主创业优惠证去哪个窗口领 要带啥材料",
    "我在宝鸡刚毕业没找到工作 去见习单位见习一个月能拿多少补贴",
    "陕西灵活就业的社保补贴 按社保费的几成补",
    "西安大学生开店 小额担保贷款能批几万 要不要抵押",
    "在咸阳开人力资源中介 许可证几年一审",
    "陕西考下一个职业资格证 鉴定补帖给多少钱",
    "南昌中心城区落户 社保得交满几年",
    "南昌居住证弄坏了换新的 工本费几块钱",
    "在南昌落了户以后 孩子上学要提供啥材料",
    "江西居住证能不能在手机上申请 用哪个app",
    "福州城乡居民医保17年以后个人每年交多少钱",
    "福州居民医保的大病起付线是多少钱",
    "福州居民医保在药店买药能刷医保卡报销吗",
    "福州小孩刚出生 当年的居民医保咋报销",
    "武汉农民工申请公租房 要在城里住满几年",
    "湖北农民工用公积金贷款 额度最多能放宽到多少",
    "湖北企业发给农民工的住房租赁补贴 标准是每人每月多少",
    "湖北哪些城市是共有产权住房试点",
    "惠州城乡养老到60岁领钱的时候 基础那部分固定给多少",
    "惠州居民养老中途断了几年 还能补交吗",
    # (b) 没有文件的地方
    "长沙申领居住证 受理后多久发证",
    "在昆明没单位 参加居民医保每年自己掏多少",
    "南宁城乡居民养老保险有几个缴费档次",
    "太原大学生创业能贷小额担保贷款吗 最多多少",
    "兰州有居住证满几年可以落户",
    "貴州農民工的住房公積金 繳存比例是多少",
    "刚毕业去海口上班 那边有给新就业的人住的公租房没",
    "哈尔滨城乡居民医保住院起付线多少",
    # (c) 别的年份或类别
    "陕西就业促进条例19年那次修正具体改了哪几条",
    "福州2015年新农合在二级医院住院报销比例多少",
    "惠州被征地农民基本养老金16年调整到多少了",
    # (d) 语料旁边、没有文件涉及的题目
    "公积金贷款买二手房首付最低几成",
    "农民工宿舍每人最少要多大面积",
    "体检的费用医保能报吗",
    "养老金每年一般几月份涨",
]


FOURTEENTH_ANSWERABLE = [
    # 甘肃省就业促进条例
    ("甘肃这个就业促进条例修订以后几号生效", "2021年10月1日", GSJ),
    ("想在兰州开个职业中介 得先去哪登记 再找谁批", "市场监督管理部门", GSJ),
    ("甘肃那个中介让我交押金 查到了罚他多少", "五百元以上二千元以下", GSJ),
    ("甘肃没办许可就偷偷搞职业中介的 罚款多少", "一万元以上五万元以下", GSJ),
    ("在天水失业了去办失业登记 要带啥", "出示身份证件", GSJ),
    ("甘肃的就业创业证办一个要钱吗", "免费为就业、失业人员发放", GSJ),
    ("我是今年的应届grad 在甘肃参加就业培训有补贴拿吗", "给予职业培训补贴", GSJ),
    ("甘肃一家子都没工作的 政府兜底能安排几个", "至少有一人实现就业", GSJ),
    ("在甘肃开公司招就业困难人员 劳动合同得签多久才给社保补贴", "一年以上期限劳动合同", GSJ),
    ("甘肃小微企业招了符合条件的人 自己也能申请创业担保贷款吗", "现有在职职工人数一定比例", GSJ),
    ("甘肃的见习单位要是把见习生留下来 政策上咋说", "留用见习人员", GSJ),
    ("甘肃就业困难人员包括哪些 谁说了算", "由省人民政府根据实际情况确定", GSJ),
    # 黑龙江省人民政府关于进一步推进户籍制度改革工作的通知
    ("我在牡丹江上班签了半年合同 租房住 社保交满多久能落户", "参加城镇社会保险满1年", HLJH),
    ("去佳木斯落户 租的房子得在同一个地方住多久", "在同一地址租住半年以上", HLJH),
    ("大庆落户劳动合同起码签多长的", "签订1年以上劳动合同", HLJH),
    ("齐齐哈尔上户口 城镇社保得缴够多久", "参加城镇社会保险满2年", HLJH),
    ("在齐齐哈尔租房想落户 同一个地址要住满几年", "在同一地址租住2年以上", HLJH),
    ("哈尔滨落户政策是啥样 听说主城区和别的区不一样", "双轨制", HLJH),
    ("黑龙江哪天开始不分农业户口和非农业户口的", "2014年11月1日", HLJH),
    ("在黑龙江离开户口所在地住多久能申请居住证", "居住半年以上", HLJH),
    ("黑龙江农村的进城落户 要先把承包地宅基地退了吗", "作为农民进城落户的条件", HLJH),
    ("哈尔滨四个主城区现在大概多少人", "350万人", HLJH),
    ("黑龙江全面放开落户的有几个城市 伊春在不在里面", "牡丹江市等9个城市", HLJH),
    # 深圳市实施《广东省城镇居民社会养老保险试点实施办法》细则
    ("深户没工作 城镇居民养老一年最低交多少", "一年100元", SZJM),
    ("深圳居民养老保险最高那档一年交多少 一共几档", "1000元10个档次", SZJM),
    ("深圳居民养老我选500那档 政府每年补多少", "补贴70元", SZJM),
    ("深圳城鎮居民養老每年幾月份交錢", "每年1月份", SZJM),
    ("我落户深圳才五年 以后领居民养老金 基础那块每月给多少", "每月200元", SZJM),
    ("深圳户籍满8年了 居民养老的基础养老金能有多少", "每月300元", SZJM),
    ("户口迁到深圳的大学生 在校期间能参加深圳居民养老吗", "不含全日制在校学生", SZJM),
    ("我现在30岁深户没工作 参加居民养老要交够多少年", "累计缴费年限不少于15年", SZJM),
    ("深圳居民养老拖着没按时交 后来补交的那部分政府还补贴吗", "对补缴部分不予补贴", SZJM),
    ("深圳领居民养老金每年要去录个啥 不录会停发吗", "每年应提供1次当年的指纹", SZJM),
    ("深圳重度残疾的参加居民养老 政府额外补多少", "每人每年100元标准", SZJM),
    ("深户的老人出国定居了 居民养老个人账户的钱能拿出来吗", "一次性支付给本人", SZJM),
    # 广州市城乡养老保险制度衔接之转入、转出（办事指南）
    ("老家交的城乡居民养老 想并到广州的职工养老里 HR说要看年限 职工养老得交够几年", "缴费年限满15年", GZSJ),
    ("广州城乡养老衔接是啥时侯办 还没退休能办吗", "申领养老保险待遇前", GZSJ),
    ("已经在领养老金了 还能在广州办城乡养老衔接不", "不再办理城乡养老保险制度衔接", GZSJ),
    ("在广州办城乡养老保险转入 去哪个部门", "区社保经办机构", GZSJ),
    ("广州城乡养老衔接转入要带啥证件", "本人身份证原件及复印件", GZSJ),
    ("广州城乡养老衔接 转出地社保收到联系函以后多久办完转出", "15个工作内", GZSJ),
    ("两边都交了养老 在广州办衔接退重复缴的钱 要哪家银行的存折", "工行、农行或建行", GZSJ),
    ("职工养老交不满15年 能把外地的职工养老转进广州的城乡居民养老吗", "缴费年限不足15年", GZSJ),
    ("广州城乡养老衔接是按哪个文件办的", "粤社保函〔2014〕117号", GZSJ),
    # 番禺区外来务工人员子女积分申请入读公办学校起始年级积分项目及标准一览表
    ("番禺积分入学 本科学历能加几分", "20分", PYJF),
    ("番禺给娃申请积分入学 我是硕士 学历那项多少分", "23分", PYJF),
    ("在番禺上班的博士 孩子积分入学学历给几分", "25分", PYJF),
    ("番禺外来工子女入学积分 大专毕业的家长能给几分", "15分", PYJF),
    ("在番禺自己买了房 积分入学住房那项能拿几分", "25分", PYJF),
    ("番禺积份入学 社保每个险种每个月积几分", "每月0.1分", PYJF),
    ("番禺积分入学就业那项每个月算多少分", "每月得0.4分", PYJF),
    ("在番禺当义工 孩子积分入学能加分不", "每满50小时积2分", PYJF),
    ("番禺积分入学 居住证每多办一个月加几分", "0.35分/月", PYJF),
    ("番禺积分入学想排进第一批优先批次 社保要在广州交满几年", "缴纳社会保险费满5年", PYJF),
    ("番禺积分入学 交个税怎么算分", "每千元1分", PYJF),
    ("番禺积分入学计划生育那一项最高能拿多少", "最高得分40分", PYJF),
    # 已有文件里前十三批没问过的事实
    ("惠州城乡居民养老 重度残疾的人自己那份钱谁交", "按照最低缴费档次标准为其代缴", HZY),
    ("惠州老人领城乡养老金 忘了交生存证明 啥时候开始断发", "从7月起暂停发放", HZY),
    ("中山城乡养老交到一半 转去别的市了 个人账户的钱咋办", "个人账户储存额随同转移", ZSL),
    ("龙岗非深户申请小一 工伤险满一年以后每多交一个月加几分", "每增加一个月加0.1分", LGX),
    ("按国务院14年户改意见 城区五六十万人的中等城市落户是放开还是控制", "有序放开中等城市落户限制", GW2),
    ("河南的创业孵化园区 除了孵化服务还给啥", "房租补贴和融资", HNJ),
    ("在福州罗源下面的镇上买了房 签了劳动合同 能落户吗", "五县二市城区以外的建制镇", FZ),
    ("陕西的创业孵化基地是依托哪家机构建的", "依托本级公共就业服务机构", SXJ),
    ("河南搞不搞劳务品牌 劳务输出这块有啥说法", "具有本地特色的劳务品牌", HNJ),
]

# Nothing in corpus/ answers these (checked with grep over all 71 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
FOURTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "在兰州开店想申请创业担保贷款 能贷几万 利息咋算",
    "甘肃企业留用见习生 奖补标准是多少钱",
    "在天水办职业中介许可证 审批要多少个工作日",
    "兰州的创业孵化基地房租补贴一年能补多少",
    "甘肃公益性岗位补贴每月能拿多少钱",
    "甘肃创业成功了 那个资金补贴具体给多少",
    "哈尔滨那个积分落户 分数线是多少",
    "大庆有没有给新就业大学生住的人才公寓",
    "想落户到哈尔滨郊区 比主城区宽松多少 要几年社保",
    "去鸡西工作的研究生 当地有一次性安家补助吗",
    "佳木斯有没有给刚毕业大学生的租房补贴",
    "深圳居民养老费能不能用微信或者银行卡代扣",
    "广州城乡居民养老保险费每年啥时候开始收",
    "番禺积分入学去年大概多少分能排上公办",
    "番禺区每年给外来务工人员子女多少个公办学位",
    "番禺积分入学网上报名一般几月份开始",
    "广州越秀那边外来工子女积分入学 大学本科给多少分",
    # (b) 没有文件的地方
    "新疆乌鲁木齐的居民养老 最低那档多少钱",
    "贵阳就业困难人员灵活就业 社保补贴给多少",
    "拉萨高校毕业生自己创业 能贷多少钱",
    "长春租房能落户吗 社保要交几年",
    "青海西宁对刚毕业的本科生落户卡不卡学历和社保",
    "广西的城乡居民基础养老金每月发多少",
    "去石家庄上班 户口迁过去要先交社保吗",
    "海口积分落户咋算分",
    # (c) 别的年份或类别
    "甘肃就业促进条例2010年的老版本里 零就业家庭是怎么规定的",
    "番禺2017年积分入学学历分值变了没 本科现在几分",
    "深圳城镇居民养老2016年以后缴费档次调过没 最高交多少",
    "深圳职工养老保险个人每个月交多少",
    "哈尔滨后来出台的积分落户细则里 社保一年算几分",
    # (d) 语料旁边、没有文件涉及的题目
    "灵活就业交医保有没有等待期",
    "大学生在学校交的医保 毕业以后还管多久",
    "社保缴费基数一般每年几月调整",
    "住房公积金从外地转到新城市 一般多久能到账",
    "医保个人账户里的钱能不能给爸妈看病用",
]


FIFTEENTH_ANSWERABLE = [
    # 上海市奉贤区公共租赁住房管理办法（2022）
    ("刚毕业在奉贤上班的年轻人 能申请奉贤的公租房吗", "青年职工、引进人才", FXG),
    ("奉贤公租房 名下有房还能申请吗 面积咋算", "人均住房建筑面积低于15平方米", FXG),
    ("奉贤公租房交了材料 审核要几天", "在10个工作日内完成", FXG),
    ("奉贤公租房审核过了 还要公示多久", "公示期为7个工作日", FXG),
    ("奉贤公租房的准入资格确认书能管多长时间", "出具后2年内有效", FXG),
    ("奉贤公租房选好房了 几天内得去签合同", "应当在5个工作日内", FXG),
    ("奉贤公租房的租金比外面市场价便宜多少", "按8折计算", FXG),
    ("住奉贤公租房 房租能用公积金付吗", "提取公积金账户内的存储余额", FXG),
    ("奉贤公租房前前后后最多能住几年", "总年限累计不超过6年", FXG),
    ("奉贤公租房住满6年了还没买房 还能接着住吗", "过渡居住1-2年", FXG),
    ("奉贤公租房房租拖欠几次会被收回", "累计发生3次拖欠租金", FXG),
    ("奉贤公租房合同没到期我想搬走 要提前多久说", "应提前2个月书面通知", FXG),
    # 上海市新时代城市建设者管理者之家项目认定和运营管理规定（试行）（2025）
    ("刚来上海的应届生 能住新时代城市建设者管理者之家吗", "初创业的人员和高校毕业生", SHJ),
    ("上海建设者之家中心城区的房间一般几个人住", "以4人间为主", SHJ),
    ("上海城市建设者管理者之家 最短要租多久", "原则上不短于3个月", SHJ),
    ("上海建设者之家那种床位 最长能租几年", "最长不超过3年", SHJ),
    ("上海建设者之家一间房按床位出租 床位价格有啥限制", "各床位租赁价格之和", SHJ),
    ("跑外卖的想申请上海建设者之家 就业证明谁给开", "所在单位统一出具", SHJ),
    ("上海建设者之家是先租给公司还是先租给个人", "优先面向符合条件的行业单位", SHJ),
    ("上海建设者之家那个认定和运营规定 哪天开始实施", "2025年11月1日起施行", SHJ),
    ("上海建设者之家的房间里带卫生间吗", "卫浴设施和个人储藏空间", SHJ),
    # 最新北京工作居住证申办条件出炉 无需提交社保记录（北京青年报，2016）
    ("办北京工作居住证 个税每个月最少得交多少", "单月不低于150元", BJGJ),
    ("北京绿卡那个个税门槛 大概相当于税前月薪多少", "税前工资在7800元左右", BJGJ),
    ("社保中间断过几个月 还能申请北京工作居住证吗", "最近连续缴纳6个月的社保记录", BJGJ),
    ("在职读研只拿到硕士学位没学历证 能办北京工作居住证不", "因为认的是学位", BJGJ),
    ("办北京工作居住证交了假材料 被查出来会咋样", "永久失去办理工作居住证的资格", BJGJ),
    ("租房住的人办北京工作居住证 住所证明交啥", "租房协议和租赁税票单据", BJGJ),
    ("申请北京绿卡 照片要什么规格的", "近期一吋免冠彩色照片一张", BJGJ),
    ("北京2014年度的月平均工资是多少", "6463元", BJGJ),
    ("现在办北京工作居住证 还要自己去打印社保缴费记录吗", "无需再自行打印社保缴费记录", BJGJ),
    ("拿了北京工作居住证 在北京能享受啥待遇", "享有市民待遇", BJGJ),
    # 关于《成都市居住证管理实施办法解读》的解读文本（2016）
    ("成都临时居住证现在还能办吗", "停止办理《成都市临时居住证》", CDJD),
    ("手里还有没过期的成都临时居住证 最晚啥时候去换", "2016年6月30日前", CDJD),
    ("成都居住证管理实施办法一共有多少条", "共21条", CDJD),
    ("成都居住证实施办法那个官方解读是哪个单位做的", "成都市公安局", CDJD),
    ("刚到成都住了两三个月 够不上办居住证 要登记吗", "纳入居住登记范围", CDJD),
    ("成都的居住证积分落户办法到底出台了没", "还在研究论证之中", CDJD),
    ("成都外地来蓉的流动人口大概有多少", "497万人", CDJD),
    ("成都公安会不会上门核查居住证上的住址", "有权进行上门核查", CDJD),
    # 宁波市北仑区 引进人才居住证（办事指南）
    ("宁波北仑的引进人才居住证去哪个窗口办", "北仑分局行政审批科", NBBL),
    ("本科毕业去宁波北仑上班 能办引进人才居住证吗", "本科及以上学历", NBBL),
    ("北仑引进人才居住证要几寸的照片", "二寸彩色白底", NBBL),
    ("没学历 在宁波投资开厂能办北仑的引进人才居住证吗 得投多少", "投资50万元人民币（含）以上", NBBL),
    ("有中级职称 能办北仑的引进人才居住证不", "中级及以上专业技术职务", NBBL),
    ("北仑引进人才居住证申请之前 要先去哪个部门签注", "到区人事部门审核签注", NBBL),
    ("我是高级工 北仑引进人才居住证对技能等级有啥要求", "国家职业资格三级", NBBL),
    # 已有文件里前十四批问得少的事实
    ("北京2420那个最低工资标准 哪天起算的", "2023年9月1日起", BJQ),
    ("23年北京小时工最低工资 是不是已经把养老医疗失业保险算进去了", "包括用人单位及劳动者本人", BJQ),
    ("23年标准下 北京非全日制工作法定假日每小时最少给多少", "62元/小时", BJQ),
    ("嘉兴有没有官方的租房合同范本", "住房租赁合同示范文本", JXZ),
    ("嘉兴住房租赁管理规定几号开始施行的", "2018年8月1日起施行", JXZ),
    ("嘉兴租客在出租屋里搞违背公序良俗的事 归谁管", "综合行政执法部门", JXZ),
    ("湖北农民工买普通商品房 税费上有优惠吗", "契税和印花税", HBZ),
    ("湖北建筑工地给农民工住的宿舍 要符合啥标准", "建筑施工现场环境与卫生标准", HBZ),
    ("湖北从哪年开始把农民工住房保障纳入考核", "从2015年起", HBZ),
    ("我妈是厦门低保户 要一次补足20年医保 总共得掏多少", "48340.8元", XMY),
    ("厦门医保补缴金额表是按哪一年的社平工资算的", "2011年度社平工资", XMY),
    ("厦门那三类老人不想一次性补缴职工医保 还有别的选择吗", "参加本市居民基本医疗保险", XMY),
    ("北京户籍改革实施意见里 积分落户按啥原则推进", "公开透明、有序办理", BJH),
    ("我想查北京2023年一整年的全口径平均工资", "141133", BJP),
    ("算社保基数用的北京2021年月均工资是多少", "10628", BJP),
    ("中山15年全市给小一的积分学位加起来有多少", "8340", ZSZ),
    ("北京继续教育每年90学时 能不能几年合起来算", "聘任期内累计计算", BJJ),
    ("北京企业给员工搞继续教育的钱从哪列支", "从职工教育经费中列支", BJJ),
    ("14年东莞给外地孩子的初一学位有多少个", "8248个学位", DGX),
    ("东莞13年新莞人子女积分入学 最晚哪天交申请", "2013年5月31日结束", DGX),
]

# Nothing in corpus/ answers these (checked with grep over all 76 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
FIFTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "奉贤的公租房 一套一居室月租具体几块钱",
    "奉贤公租房申请的话 社保要交满几年",
    "奉贤公租房轮候一般要排多久才能选上房",
    "奉贤公租房受理窗口周末上不上班",
    "上海建设者之家一个床位每月租金多少",
    "上海建设者之家都在哪些区有项目 具体地址在哪",
    "北京工作居住证办下来有效期几年",
    "北京工作居住证从申请到拿证要多少个工作日",
    "北京工作居住证对申请人年龄有上限吗",
    "北京工作居住证能转成北京户口吗 要持证几年",
    "拿着成都居住证攒积分 大学文凭那项给几分",
    "在成都把居住证搞丢了 补证花多少钱",
    "宁波北仑引进人才居住证审批要几个工作日",
    "北仑那个人才居住证 办一次能用多久",
    "在北仑落地的引进人才 能领安家费吗",
    # (b) 没有文件的地方
    "上海浦东新区的公租房租金打几折",
    "上海闵行区的公租房最多能住几年",
    "天津人才绿卡怎么申请 要啥条件",
    "深圳人才住房的租金是市场价的几折",
    "杭州蓝领公寓一个床位一个月多少钱",
    "苏州新市民公寓最长能住几年",
    "青岛给年轻人的人才公寓要交房租不",
    "郑州对刚毕业的有没有免租金的公寓",
    "厦门保障性租赁住房租金是市场价的几折",
    "西安引进的人才有没有人才居住证 咋办",
    # (c) 别的年份或类别
    "奉贤公租房2027年有效期到了以后的新办法有啥变化",
    "北京工作居住证2020年以后个税要求还是150元吗",
    "成都居住证积分管理试行办法正式出台后 多少分能落户",
    "上海市里统筹的那种市筹公租房 租期上限是多少",
    "成都2016年以后外地来蓉人口涨到多少了",
    # (d) 语料旁边、没有文件涉及的题目
    "毕业证遗失了还能去学校补一份吗",
    "个人所得税APP怎么查收入明细",
    "入职背调会查前公司的薪资吗",
    "租房合同要不要交印花税",
    "研究生毕业论文查重率多少能过",
]


# Batch 16: written blind on 2026-12-07 by another AI helper session (branch
# b16), after five more documents were added (81 in all): read the documents
# and the earlier question lists only; no retriever, answerer, test or bot was
# run and no system output was looked at.  47 of the 65 answerable rows are on
# the five new documents, 18 on facts of older documents that batches 1-15
# asked little.  Each expected string was checked (whitespace removed) against
# its source file.
SIXTEENTH_ANSWERABLE = [
    # 上海市住房公积金缴存管理办法（2023，沪公积金管委会〔2023〕3号）
    ("刚毕业 7月入职上海 offer上写有五险一金 公积金是从第几个月开始交", "从参加工作的第二个月开始", SHGJ),
    ("上海新入职的 第一年公积金基数咋定 我没有上年工资啊", "按当月的工资性收入核定", SHGJ),
    ("上海公积金基数最高能按多少报 是社平的几倍", "平均工资的3倍", SHGJ),
    ("上海公積金繳存基數最低是多少 跟什麼掛鉤", "本市最低工资标准", SHGJ),
    ("我在上海跑自由职业 没单位 能自己交公积金吗", "由个人缴存住房公积金", SHGJ),
    ("在上海做劳务派遣的 公积金该派遣公司交还是用工单位交", "劳务派遣单位承担", SHGJ),
    ("公司录用我以后 多少天内得给我开上海公积金账户", "自录用之日起30日内", SHGJ),
    ("我在上海名下有两个公积金账户 这样行吗", "应当办理账户合并", SHGJ),
    ("上海公积金每年啥时候调基数和比例", "当年的7月1日", SHGJ),
    ("上海公基金利息哪天结算", "每年6月30日", SHGJ),
    ("我在上海离职了还没找到下家 公积金账户会变成啥状态", "办理封存手续", SHGJ),
    ("之前在苏州交了两年公积金 现在来上海上班 想转过来 要在上海交满多久", "住房公积金半年以上", SHGJ),
    ("上海小公司刚成立一年 能申请把公积金比例降下来吗 最低降到多少", "5%以下", SHGJ),
    ("HK居民在上海工作 can I join 公积金? 公司说看情况", "协商一致", SHGJ),
    # 杭州市人民政府办公厅关于在滨江区开展居住证制度改革试点工作的通知（2015）
    ("在杭州滨江租房住 还没找到工作 能办哪种居住证", "浙江省临时居住证", HZBJ),
    ("滨江上班的外地人 要工作多久才能申请浙江省居住证", "合法稳定就业6个月以上", HZBJ),
    ("滨江申领正式居住证 社保要交满几个月", "社会保险满6个月", HZBJ),
    ("住公司宿舍的 在滨江办临时居住证拿啥当住所证明", "单位出具的证明", HZBJ),
    ("我是引进人才 在滨江办居住证还要先上满半年班吗", "不受上述规定限制", HZBJ),
    ("在滨江拿了居住证以后 每年得在哪个时间段去办签注", "每满1年的最后1个月内", HZBJ),
    ("忘了签注居住证 滨江这边过期多少天内补办还能恢复", "逾期60日内", HZBJ),
    ("滨江居住证积分都看哪些指标 职称算不算", "职称或职业资格等级", HZBJ),
    ("滨江居住正积分管理是不是每个持证人都必须参加", "按需申请", HZBJ),
    ("杭州滨江居住证改革试点那个通知 文号多少 从哪天起施行", "2015年6月15日", HZBJ),
    ("滨江从哪天开始暂停执行杭州流动人口服务管理条例那几条", "2015年4月28日起", HZBJ),
    # 东莞居住证（人才类）办理（办事指南，2016）
    ("东莞人才类居住证 除了本科学位还要职称吗", "中级及以上专业技术资格", DGRC),
    ("没学历但有技师证 能办东莞人才类居住证吗", "技师资格及以上的特殊技能", DGRC),
    ("东莞人才类居住证要几年工作经验 要不要跟岗位对口", "五年以上", DGRC),
    ("办东莞人才居住证 申请表要填几份", "一式3份", DGRC),
    ("东莞人才类居住证要交婚姻证明吗 啥样的", "婚姻状况公证书", DGRC),
    ("东莞人才居住证的体检报高 哪种医院开的才认", "二级以上医院", DGRC),
    ("有外国专家证的 办东莞人才类居住证能少交哪些材料", "(一)至(四)项材料", DGRC),
    ("在东莞自己开公司的 办人才类居住证还要额外交啥", "投资或者经营业绩", DGRC),
    # 湖南省“青年驿站”建设三年行动方案（团省委，2026；网页存的前一部分）
    ("毕业两年了想去长沙找工作 湖南的青年驿站我能住吗", "毕业三年内", HNYZ),
    ("去湖南求职 青年驿站不要钱的话最少给住多久", "不少于7天", HNYZ),
    ("我36岁了 还能申请湖南的青年驿站吗", "35周岁以下", HNYZ),
    ("湖南青年驿站免费期满以后还想接着住 怎么收费", "阶梯式减免", HNYZ),
    ("湖南打算到2027年建多少家青年驿站", "100家左右", HNYZ),
    ("湖南的青年驿栈一般是啥形式 酒店还是公寓", "酒店合作共建", HNYZ),
    ("湖南青年驿站建设三年行动方案是哪个部门发的", "团省委", HNYZ),
    ("湖南青年驿站的规范建设年 是哪几个月", "2025年11月至12月", HNYZ),
    # 潇湘晨报：湖南《关于建设年轻人友好省份的实施意见》解读发布会（2026-01-01；网页存的前一部分）
    ("湖南年轻人友好省份那个政策 外地年轻人落户要啥", "凭居住证、劳动合同", HNYQ),
    ("湖南每年能提供多少實習見習崗位給大學生", "10万个左右实习见习岗位", HNYQ),
    ("湖南一年给年轻人开发归集多少就业岗位", "约20万个就业岗位", HNYQ),
    ("湖南对高校推的那个证书制度是啥 学历证再加啥", "若干职业技能证书", HNYQ),
    ("湖南年轻人友好省份的实施意见 解读发布会哪天开的", "2025年12月31日", HNYQ),
    ("湖南建设年轻人友好省份 一共部署了几个友好行动", "四个友好", HNYQ),
    # 已有文件里前十五批问得少的事实
    ("中山积分入学小孩参加基本医保 市里和镇里财政各补几个点", "各按缴费基数0.5%", ZSY),
    ("在中山给娃交的医保停了 从啥时候起不能报销", "停止缴费的次月1日起", ZSY),
    ("中山积分入学学生的医保钱要去窗口交现金吗", "委托经办银行代收代缴", ZSY),
    ("上海建设者之家那个规定啥时候到期", "2027年6月30日", SHJ),
    ("上海郊区那边的建设者之家 是不是双人间单人间比例更高", "增加双人间、单人间占比", SHJ),
    ("上海建设者之家合同到期了 还想接着住 要满足啥", "经重新审核仍符合准入条件", SHJ),
    ("北京25年调标准之前 每小时最低工资是多少", "13.91元", BJW),
    ("北京最低工资2540 是扣完个人社保公积金以后算的吗", "社会保险费和住房公积金", BJW),
    ("办北仑人才居住证要花钱吗", "不收费", NBBL),
    ("北仑人才居住证从递材料到发证 走哪几个环节", "审查-审批-发证", NBBL),
    ("没文凭但有一门特殊手艺 北仑引进人才居住证能办吗", "用人单位所需特殊技能", NBBL),
    ("广州公租房轮候配租细则哪天开始施行的", "2013年5月1日起施行", GZP),
    ("在广州领着公租房租赁补贴 后来改排实物公租房 补贴还发吗", "取得轮候号的次月停发", GZP),
    ("广州家里五口人 公租房能分三房不", "5人以上家庭分配三房一厅", GZP),
    ("成都原来那个居住证管理规定是哪个政府令", "第170号", CDJD),
    ("成都2015年底前办的居住证 现在还认不认", "继续有效", CDJD),
    ("成都居住证能享受哪些公共服务 具体谁来定", "市级相关部门另行制定", CDJD),
    ("我是北京郊区农村的 户口本上现在还标农业不", "统一登记为居民户口", BJH),
]

# Nothing in corpus/ answers these (checked with grep over all 81 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
SIXTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "上海公积金现在缴存比例是百分之几 单位个人各交多少",
    "上海公积金月缴存额上限今年是多少钱",
    "上海补充公积金最高能交到几个点",
    "在上海灵活就业自己交公积金 每月最少交多少",
    "杭州滨江居住证积分攒到多少分 孩子能上公办学校",
    "滨江居住证积分里 本科学历具体给几分",
    "杭州余杭区的居住证积分怎么申请",
    "东莞人才类居住证交了材料 多久能批下来",
    "东莞人才类居住证办理收不收工本费",
    "湖南青年驿站在长沙有几家 地址在哪",
    "湖南青年驿站在哪个小程序预约",
    "住湖南的青年驿站能带女朋友一起住吗",
    "湖南大学生创业七个一 具体能补多少钱",
    "湖南说凭居住证就能落户 那居住证得先办满几年",
    "湖南见习岗位上班 政府每月补多少",
    # (b) 没有文件的地方
    "合肥那边有免费给毕业生过渡住的地方吗",
    "广州交公积金 基数最少按多少报",
    "深圳公积金个人缴存比例一般多少",
    "在苏州有没有专门给人才办的那种居住证",
    "宁波鄞州的外地人积分咋算",
    "南昌有给找工作毕业生住的免费驿站吗",
    "成都的公积金从外省转进来 要满足啥条件",
    "西安应届生在那边交公积金 基数最低按多少",
    "重庆公积金封存半年以后能销户吗",
    # (c) 别的年份或类别
    "上海2018年那版降低公积金比例的办法 条件是啥",
    "湖南青年驿站2027年以后还继续搞吗",
    "滨江试点以后 杭州全市是哪年推开居住证积分的",
    "在上海用公积金买房 个人最高能借多少",
    "东莞人才类居住证到期了 续办要提前多久",
    # (d) 语料旁边、没有文件涉及的题目
    "公积金基数和社保基数必须一样吗",
    "无犯罪记录证明开一次管多久",
    "婚姻狀況公證書去哪辦 要多少錢",
    "人才公寓和青年驿站到底有啥区别",
    "intern工资 公司有没有最低标准",
    "学信网学历认证报告多久过期",
]


# Batch 17: written blind on 2026-12-07 by another AI helper session (branch
# b17), after five more documents were added (86 in all): read the documents
# and the earlier question lists only; no retriever, answerer, test or bot was
# run and no system output was looked at.  48 of the 65 answerable rows are on
# the five new documents, 17 on facts of older documents that batches 1-16
# asked little.  Each expected string was checked (whitespace removed) against
# its source file.
SEVENTEENTH_ANSWERABLE = [
    # 苏州市流动人口积分管理办法（2016）
    ("在苏州园区上班 社保交着 居住证也办了 要在苏州住满多久才能申请积分", "连续合法居住一年以上", SZJF),
    ("苏州积分落户申情每年几月到几月能交", "1月1日至10月31日", SZJF),
    ("苏州积分入户的指标 一年公布几回 大概啥时候出", "5月底和11月底前", SZJF),
    ("苏州积分入户排名出来以后公示多长时间", "不得少于5个工作日", SZJF),
    ("拿到苏州积分户籍准入卡了 要在多少天里去派出所办落户 过期会咋样", "60日内", SZJF),
    ("我在苏州积分落户成功了 老婆和上小学的儿子能一块迁过来不", "配偶和未成年子女可以随迁", SZJF),
    ("娃明年要上小学 在苏州走积分入学的话 申请啥时候交", "1月1日至4月15日", SZJF),
    ("苏州积分资料递上去 多久以后能在网上查到自己多少分", "45个工作日", SZJF),
    ("蘇州積分總分一樣的話 誰排前面", "基础分高低", SZJF),
    ("今年在苏州申请积分攒的分数 明年还作数吗", "当年度内有效", SZJF),
    ("苏州积分申请要是被查出材料造假 以后还能申请吗", "五年内不得再次申请", SZJF),
    ("我是吴江区户口 在姑苏区住 申请苏州市区积分要不要居住证", "无需居住证", SZJF),
    ("在苏州市区已经买了房拿了房产证 孩子上小学还用走积分那套吗", "就近入学", SZJF),
    ("外地孩子在苏州上幼儿园 第一次想参加苏州城乡居民医保 几月份申请", "6月1日至8月31日", SZJF),
    ("苏州积分的分数是由哪几块组成的", "基础分、附加分、扣减分", SZJF),
    ("两口子都在苏州纳入积分了 给娃申请入学算谁的分", "只取夫妻一方的积分", SZJF),
    # 重庆市居住证实施办法（2016，市政府令第306号）
    ("刚去重庆上班 要先在那住多久才能申领居住证", "居住登记满半年", CQJZ),
    ("外省的 在重庆读uni 能凭学籍办重庆居住证吗", "普通高等学校取得学籍", CQJZ),
    ("HR让我先办重庆居住证 材料带齐了 能不能当天就拿到", "当场发放纸质居住证", CQJZ),
    ("重庆居住证每年签住 要交钱吗", "办理签注手续不得收取费用", CQJZ),
    ("重庆换了租的房子 居住证住址变更有时间限制吗", "自变动之日起7日内", CQJZ),
    ("持重庆居住证多少年 可以在重庆报名参军", "取得当地居住证三年以上", CQJZ),
    ("孩子跟着我在重庆念高中 想在重庆参加高考 要满足啥", "连续就读三年学籍", CQJZ),
    ("我户口不在重庆 拿着重庆居住证能在那边办港澳通行证吗", "往来港澳通行证", CQJZ),
    ("有重庆居住证的外地人 能申请那边的公租房吗", "公共租赁住房保障", CQJZ),
    ("重庆这套居住证规矩 从啥时候起生效", "2016年11月1日", CQJZ),
    ("重庆居住证忘了按时签注 会有啥后果", "居住证使用功能中止", CQJZ),
    # 关于进一步推进新疆户籍管理制度改革的实施意见（2014）
    ("技校毕业 在新疆一个县城跟单位签了劳动合同 能把户口落过去吗", "技校、职高毕业生", XJHJ),
    ("大专毕业想把户口迁到新疆的小县城 还必须先跟单位签合同吗", "劳动合同的限制", XJHJ),
    ("在新疆租房子住 住满多久加上社保交满多久可以落户", "参加社会保险满一年", XJHJ),
    ("想去南疆那边落户 门槛高不高", "不限制落户条件", XJHJ),
    ("乌鲁木齐的落户现在是全面放开了吗", "乌鲁木齐市应控制落户", XJHJ),
    ("在新疆买的新房还没下房产证 能先凭啥办落户", "购房合同和契税完税证", XJHJ),
    ("新疆居住证拿着以后 要住满几年交满几年社保才能享受住房保障那些", "连续居住满二年", XJHJ),
    ("娃跟着我们在新疆上学 要在当地读满几年才有中考高考资格", "连续就学满四年以上", XJHJ),
    ("在新疆只打几个月短工 不到半年 要办啥证", "流动人口服务管理登记证", XJHJ),
    ("想去新疆投靠老公落户 对结婚年限有要求吗", "对婚龄、落户年限", XJHJ),
    ("新疆自治区政府出的那个户口改革文件 落款日期是哪天", "2014年9月30日", XJHJ),
    # 四川省流动人口信息登记办法（2014，省政府令第279号）
    ("我在成都有套房租给外地小伙 房东得在多长时间内把租客信息报上去", "终止出租后24小时内", SCLD),
    ("四川的公司招了外省员工 多久内要向派出所或者居委会报信息", "解除聘用后24小时内", SCLD),
    ("在四川 外地人不如实提供个人信息 拒不改正罚多少钱", "处200元罚款", SCLD),
    ("四川房东不如实登记租客信息 屡教不改 个人要罚多少", "处500元罚款", SCLD),
    ("四川流動人口信息可以網上申報嗎 還是得跑現場", "书面、网络、传真", SCLD),
    ("四川流动人口信息登记办法从哪天开始施行", "2014年10月1日", SCLD),
    # 宁波居住证办理（办事指南）
    ("去宁波工作 要在宁波住满多久才能办居住证", "到宁波居住半年以上", NBJZ),
    ("在宁波租房上班的 办居住证拿啥证明住址", "房屋租赁合同", NBJZ),
    ("在宁波读书的外地学生办居住正 就读证明交啥", "学生证", NBJZ),
    ("我妈腿脚不方便 宁波居住证我能替她去办吗", "近亲属代为申领", NBJZ),
    # 已有文件里前十六批问得少的事实
    ("在昆山厂里上班 想知道公司一年到底给我们交了多少社保 公司有义务公开吗", "每年向本单位职工公布", JSB),
    ("我爸是农村的 在常州交职工养老不到15年就到退休年龄了 除了延长缴费 还有别的路吗", "转入城乡居民基本养老保险", JSB),
    ("江苏社保局发的个人账户清单 跟我实际交的对不上 咋办", "及时复核", JSB),
    ("黑龙江人口是从哪年开始逐年减少的", "2009年起", HLJH),
    ("哈尔滨城区落户要算积分 主要考虑哪几方面", "为经济发展所做贡献", HLJH),
    ("大庆和齐齐哈尔市区户籍人口大概多少", "140万人左右", HLJH),
    ("深圳居住证去签注 条件都符合的话能当场签吗", "即时签注", SZJ),
    ("深圳居住证中止了一年多 现在卡也丢了 想补领 要先办啥", "应当先办理签注", SZJ),
    ("在重庆想自己创业 参加创业培训政府给不给补贴", "给予培训补贴", CQJ),
    ("重庆有没有给想创业的人推荐创业项目的地方", "创业项目资源库", CQJ),
    ("我在杭州一个小区做物业 知道业主把房子租给外地人了 要报给派出所吗 多久内", "三个工作日内报送公安机关", ZJJ),
    ("国家那个1亿非户籍人口进城落户的方案 优先让哪些人落户", "新生代农民工", GW),
    ("在福州办了居住证 去公共就业服务机构做职业指导收费吗", "免费就业政策咨询", FJ),
    ("城区人口超过500万的特大城市 国家要求落户怎么管", "建立完善积分落户制度", GW2),
    ("在南昌拿着居住证 身份证快到期了 能直接在南昌换吗", "换领、补领居民身份证", JXR),
    ("江西这个居住证细则出来之前我就做过居住登记了 之前住的时间还算不算", "居住时间连续计算", JXR),
    ("哈尔滨城区现在总共多少人口 算不算特大城市", "480万人", HLJH),
]

# Nothing in corpus/ answers these (checked with grep over all 86 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
SEVENTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "苏州积分落户 本科学历在计分标准里能加几分",
    "苏州积分户籍准入 往年的录取线大概几分",
    "苏州市区一年能给多少个积分入户名额",
    "姑苏区积分入学 一般攒到多少分才能上公办小学",
    "常熟的外地人积分管理是咋申请的",
    "在重庆把居住证搞丢了 补领的收费标准是多少",
    "重庆那个居住证办一次能管几年",
    "拿着重庆居住证 要住满几年才能落户主城",
    "重庆居住证能在手机上办吗 用哪个小程序",
    "大学毕业去乌鲁木齐上班 落户要交几年社保",
    "研究生毕业去克拉玛依工作 有没有一次性的安家补助",
    "新疆那个流动人口服务管理登记证 去哪办 收不收钱",
    "去南疆落户工作 政府一次给多少补贴",
    "四川那个全省统一的流动人口信息平台 网址是啥",
    "在四川把房子租给外地人 landlord要交啥税",
    "刚毕业在宁波租房 政府每月补不补房租",
    "宁波居住证积分入学 硕士能加几分",
    # (b) 没有文件的地方
    "无锡新市民积分 申请前社保要交满几年",
    "合肥那边积分够几分可以迁户口",
    "贵阳外地娃上公办学校 积分要哪些材料",
    "保定外地人子女上公办学校要积分吗",
    "兰州新区给毕业生提供便宜公寓吗 租金多少",
    "在南宁把房子租给外地人 房东多久内要去派出所登记",
    "徐州人才公寓申请 社保要交几个月",
    "昆明外来人员积分 学历一项怎么算",
    # (c) 别的年份或类别
    "苏州积分计分标准后来修订了 社保一年现在算几分",
    "乌鲁木齐2014年以后出台的户籍新政 落户条件具体是啥",
    "四川这个信息登记办法出台以前 用的是哪个规定",
    "吴江区自己出的积分办法里 入学要多少分",
    "重庆居住证2020年以后改成电子证了吗",
    # (d) 语料旁边、没有文件涉及的题目
    "户口迁移证还没用就丢了 能重开吗",
    "準遷證開出來以後有效期多久",
    "落户以后户口本上的学历要怎么更新",
    "改了名字以后 毕业证学位证上的名字咋办",
    "集体户口里的人结婚了 怎么把户口单独迁出来",
]


# Batch 18: 65 answerable questions written blind after the five documents
# above were added (91 in all), 52 of them on those five, 13 on facts of older
# documents that batches 1-17 asked little.  Each expected string was checked
# (whitespace removed) against its source file.
EIGHTEENTH_ANSWERABLE = [
    # 广州市高校毕业生创业补贴，请查收（2025）
    ("毕业第三年在广州开了家奶茶店 一次性创业资助能领多少钱", "10000元", GZCY),
    ("广州创业资助 营业执照要办下来多久才能申请", "初创企业登记注册满6个月", GZCY),
    ("申请广州那个创业资助 是不是得有员工交社保 要连续交几个月", "申请补贴当月前连续3个月有在职员工", GZCY),
    ("海归 毕业证拿了四年多了 在广州创业还能申请一次性创业资助吗", "领取毕业证5年内", GZCY),
    ("参加赢在广州拿了个二等奖 项目资助给多少", "二等奖15万元", GZCY),
    ("赢在广州获奖以后 最晚多久要在广州把执照办下来", "获奖之日起两年内", GZCY),
    ("广州创业租金补贴咋算的 租一年补多少 最多补几年", "每连续租满1年补贴6000元", GZCY),
    ("公司注册地址就在我自己买的房子里 广州的创业租金补贴还能申请吗", "非法定代表人或个体户经营者自有物业", GZCY),
    ("广州初创公司招了6个员工 创业带动就业补贴是按啥标准给", "每增加1人给予3000元补贴", GZCY),
    ("廣州創業帶動就業補貼 最多能拿到多少", "总额最高不超过3万元", GZCY),
    ("之前领过广州一次性创业资助 又开了家新店 还能再领一回吗", "只能享受一次创业资助", GZCY),
    # “社保服务进万家”问答课堂——如何进行企业基本养老保险转移（广州市人社局，2025）
    ("27岁男 之前在湖南交了三年社保 现在来广州上班了 老家的养老能转过来不", "男性不满50周岁、女性不满40周岁", GZYL),
    ("从深圳跳槽到广州 养老保险要不要办转移手续啊", "不再办理企业职工养老保险关系省内转移接续手续", GZYL),
    ("广东省内换城市上班 养老不用转了 这是从啥时候开始的", "自2021年4月1日起", GZYL),
    ("养老保险跨省转移 手机上用啥app能申请", "掌上12333", GZYL),
    ("外省的养老转进广东 本人得带什么证件", "申请人有效身份证件原件之一", GZYL),
    ("想把在广州交的养老转回老家 转出要啥材料", "基本养老保险关系转移接续联系函", GZYL),
    ("两边重复交了养老要退钱 哪几家银行的卡到账快点", "工行、农行、建行、中行、农商行、邮储银行", GZYL),
    ("养老保险说的临时缴费账户 是指啥情况", "外省户籍男性年满50周岁和女性年满40周岁", GZYL),
    ("以前在外地一次性补交了四年养老 现在转到广东 要额外交啥证明吗", "超过3年（含3年）的一次性缴纳养老保险费", GZYL),
    ("养老转移不想在网上弄 线下去哪办", "转入地的社保经办机构窗口", GZYL),
    # 中华人民共和国市场主体登记管理条例（2021，国务院令第746号；广州市市场监管局网站所载）
    ("刚毕业想开个小公司 去市场监管局注册 材料都齐的话能当场拿执照吗", "予以确认并当场登记", SCZT),
    ("注册个体户当场办不下来的话 最多要等几个工作日", "应当在3个工作日内予以登记", SCZT),
    ("手机上领的电子营业执照 跟纸质那本效力一样吗", "电子营业执照与纸质营业执照具有同等法律效力", SCZT),
    ("我在平台上开网店 没实体店面 执照上的经营场所能填网店吗", "网络经营场所作为经营场所", SCZT),
    ("一家公司能同时登记两个注册地址吗", "只能登记一个住所或者主要经营场所", SCZT),
    ("公司搬家 从一个区搬到另一个区了 变更登记找哪边的登记机关", "向迁入地登记机关申请变更登记", SCZT),
    ("公司法人换人了 要在多少天内去办变更登记", "30日内向登记机关申请变更登记", SCZT),
    ("小店生意不好想先停一阵 歇业最长能歇多久", "歇业的期限最长不得超过3年", SCZT),
    ("个体户不想干了 走简易注销的话还要公示吗", "无需公示", SCZT),
    ("营业执照弄丢了 咋补办", "声明作废，申请补领", SCZT),
    ("注册公司写的注册资本 是不是一开始就得全部交齐", "认缴登记制", SCZT),
    # 贵州省人力资源市场条例（2013 通过，2020 第二次修正）
    ("贵阳的中介让我先交500押金才给介绍工作 这个能罚吗 罚多少", "每人500元以上2000元以下罚款", QRLS),
    ("想在贵州开家职业中介 员工要几个 学历卡不卡", "3名以上具备国家承认的大专以上学历", QRLS),
    ("在贵州想办职业中介的行政许可 人社局多久给答复", "20日内作出决定", QRLS),
    ("贵州没证偷偷干职业中介的 被抓到罚多少钱", "1万元以上5万元以下罚款", QRLS),
    ("投简历给贵阳一家公司 结果他们把我的个人信息给了别人 合法吗", "不得向第三方透露求职者的个人资料", QRLS),
    ("在贵州面完试公司一直不给回复 公司有义务告诉我结果不", "按照约定的时间向其反馈是否聘用的情况", QRLS),
    ("贵州的公司发假招聘广告骗人 情节严重的罚多少", "3000元以上3万元以下罚款", QRLS),
    ("贵州人力资源市场条例几号开始施行的", "2014年1月1日", QRLS),
    ("贵州中介公司换了办公地址 多少天内要报给人社局", "15日内", QRLS),
    ("在贵州搞线上招聘会 有啥规定没", "在有关部门批准的网站上进行", QRLS),
    # 2015厦门户口新政策（民间网站解读，含一段问答）
    ("本科毕业在厦门找到工作了 可以把户口落厦门不", "具有本科以上(含本科)学历", XMLH),
    ("大专应届生 学的是厦门紧缺专业 落户要在几号之前报批", "当年度6月10日前报批", XMLH),
    ("专科毕业去厦门岛外的公司 合同签几年才能落户", "三年以上就业合同", XMLH),
    ("厦门人才中心的集体户 现在还能往里落户口吗", "集体户已经停止进人", XMLH),
    ("刚毕业在厦门 没房子单位也没集体户 户口能挂哪", "社区集体户", XMLH),
    ("没职称也没学历优势 想落厦门岛外户口 养老保险得交满几年", "参加厦门市社会养老保险连续满5年", XMLH),
    ("想落思明区湖里区的户口 居住证和社保年限要几年", "年限要改成8年", XMLH),
    ("厦门落户算居住证年限 中途断了两个月还算连续吗", "间断时间累计不能超过3个月", XMLH),
    ("有中级职称想去厦门落户 年龄方面有啥要求", "年龄距法定退休年龄15年以上", XMLH),
    ("靠职称落户厦门 我住的是租的房子 算合法固定住所吗", "租的房子也算哦", XMLH),
    # 已有文件里前十七批问得少的事实
    ("在宁波开了个体店 办居住证的就业证明交啥", "工商营业执照", NBJZ),
    ("住宁波公司宿舍的 办居住证住址证明找谁开", "用人单位、就读学校出具的住宿证明", NBJZ),
    ("在成都通过中介租的房 中介多久内要把我信息报到派出所", "签订或解除租赁合同后24小时内", SCLD),
    ("四川的物业把租户信息卖给别人了 会被罚多少", "处500元以上2000元以下罚款", SCLD),
    ("四川那个流动人口到底指啥人 在本县换个镇住算不算", "离开户籍所在地县级行政区域", SCLD),
    ("湖南每年组织多少大学生去搞社会实践", "不少于10万名大学生", HNYQ),
    ("湖南年轻人友好省份说的揭榜挂帅青创 具体是咋搞的", "产业链出题,青年创客答题", HNYQ),
    ("在上海换工作了 原来公司多少天内要把公积金账户转到新公司", "自劳动关系终止之日起30日内", SHGJ),
    ("上海老东家一直不给转公积金 公积金中心会管吗", "经督促单位在10日内仍不办理", SHGJ),
    ("上海现在这个公积金缴存办法 啥时候开始施行 有效几年", "2023年4月1日起施行", SHGJ),
    ("山东的公司招人的时候 能不能把我的简历信息公开出去", "不得公开或者利用其个人信息", SDH),
    ("公司HR帮我去广州社保办城乡养老衔接 单位那边得出哪些证件", "单位社保登记证原件及复印件", GZSJ),
    ("在广州办城乡养老衔接转入 钱到账后多久录完信息", "在15个工作内录入相关信息", GZSJ),
]

# Nothing in corpus/ answers these (checked with grep over all 91 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document, (c) another year or category than
# the document covers, (d) adjacent topics no document covers.
EIGHTEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "广州一次性创业资助在哪个平台申请 要跑窗口吗",
    "赢在广州创业大赛一般几月份报名",
    "广州的一次性创业资助跟创业担保贷款能同时享受吗",
    "创业失败把公司注销了 广州发的创业资助要退吗",
    "注册个体户要交登记费吗 多少钱",
    "开了个体户以后 每年的年报最晚哪天要报",
    "贵州开人力资源中介 注册资金最少要多少",
    "贵州中介的经营许可拿到手以后 能用多久 还得每年去审吗",
    "厦门本科生落户 有没有年龄上限",
    "硕士毕业落户厦门 有没有安家费或者生活补贴",
    "台湾青年来厦门创业 政府有啥补助",
    "养老保险从广州转到上海 一般多久能到账",
    "外省交的失业保险能转到广州吗",
    "把外地养老转进广东 之前要先在广东交满几个月",
    "港澳青年在内地交的养老 以后回香港能一次性领出来吗",
    # (b) 没有文件的地方
    "在南京刚毕业做淘宝店 政府给不给开业补助",
    "长沙创业的租金补贴一年能补多少",
    "在昆明找工作 中介收押金的话罚多少",
    "拉萨的职业中介扣人身份证 会怎么罚",
    "合肥开家人力资源中介 许可审批要几天",
    "青海西宁开人力资源公司 要几个专职人员",
    "泉州的积分入户 每年给多少个名额",
    "香港青年在前海开公司 租金补贴一年最多补多少",
    "澳门青年去海南自贸港创业 有哪些补贴",
    # (c) 别的年份或类别
    "广州2026年高校毕业生创业补贴标准有没有提高",
    "贵州人力资源市场条例2020年那次修正改了哪些内容",
    "2014年以前注册公司 注册资本最低要多少",
    "厦门2016年以后的人才落户政策 硕士有啥新变化",
    "机关事业单位的养老保险转到企业 怎么转",
    "企业年金能跟着基本养老一起转移吗",
    # (d) 语料旁边、没有文件涉及的题目
    "offer发了又被公司撤回 能要求赔偿吗",
    "实习单位不给签三方协议 正常吗",
    "公积金从广州转回老家 要满足啥条件",
    "公司让签竞业协议 刚毕业入职也要签吗",
    "毕业后户口留在学校 最多能放几年",
]


# Batch 19: 65 answerable questions written blind after the five documents
# above were added (96 in all), 50 of them on those five, 15 on facts of older
# documents that batches 1-18 asked little.  Each expected string was checked
# (whitespace removed) against its source file.
NINETEENTH_ANSWERABLE = [
    # 【关注】学历型人才引进入户申报指南（广州市人社局，2026）
    ("我38岁 全日制本科有学士学位 在广州上班 走学历那条路入户 年龄卡在多少", "40周岁以下", GZXL),
    ("硕士毕业今年44了 广州的学历型人才入户还赶得上吗", "45周岁以下", GZXL),
    ("博士在廣州落戶 年齡上限是幾歲", "50周岁以下", GZXL),
    ("国外读的本科 拿的海外学士学位 想在广州落户要弄啥认证", "国（境）外学历学位认证书", GZXL),
    ("听说广州落户要攒积分 我硕士学历也得攒吗", "学历型人才入户无需积分", GZXL),
    ("在广州自己开了个小公司 没跟谁签劳动合同 学历入户还能办不", "在广州注册企业并持股参保", GZXL),
    ("社保停了两个月现在没在交 广州学历落户受影响吗", "处于正常在缴状态", GZXL),
    ("广州人才入户用手机哪个app能报", "穗好办", GZXL),
    ("学历型入户智能审批没过 转人工审 大概多少个工作日出结果 过了还要公示吗", "15个工作日内完成审核", GZXL),
    ("填广州入户申报的时候 系统里搜不到我的学校和专业 咋整", "添加院校", GZXL),
    ("广州学历落户想落单位集体户 落户地址那块要交啥", "集体户首页", GZXL),
    # 广州市引进人才入户管理办法实施细则（穗人社规字〔2022〕2号）
    ("在网上交了广州引进人才入户申请 人社几天都没审 那受理时间咋算", "第6个工作日为受理时间", GZXZ),
    ("提交申请那天还没超龄 等人社审核的时候刚好过了生日超龄了 还算数吗", "当次提交时间可优先确定", GZXZ),
    ("广州人才引进公示期间 有人举报我 人社多久能查完", "异议之日起20个工作日", GZXZ),
    ("广州人才入户公示没人提意见的话 接下来发个啥给我去派出所", "核发电子入户信息卡", GZXZ),
    ("我的社保是劳务派遣公司交的 人在另一家上班 广州引进人才看不看这个", "属于劳务派遣的除外", GZXZ),
    ("有几个月社保是后来补缴的 在广州办引进人才入户 算连续交吗", "不视为连续缴纳社会保险费", GZXZ),
    ("手上只有专业技术人员职业资格证 没评职称 能按职称条件报广州入户吗", "视同具备对应系列和层级", GZXZ),
    ("应届生 三方签的广州单位 落户是找人社还是公安", "入户地的区公安机关", GZXZ),
    ("毕业想把户口落到公共集体户 要去哪个区的公安申报", "注册所属地的区公安机关", GZXZ),
    ("三方协议上的单位在佛山 我能拿它去广州落户吗", "均须在本市行政区域内", GZXZ),
    ("广州这个引进人才入户实施细则能管几年 2019年那版还用不用", "有效期5年", GZXZ),
    ("市属国企引进人才落户 审核是市人社还是区人社管", "市人力资源社会保障部门", GZXZ),
    # 广州市社会保险费补缴相关政策及业务宣传指引（广州市人社局，2026）
    ("以前公司没给我交社保 现在想补上 广州这边能补吗 谁去申请", "申请为职工补缴", GZBJ),
    ("广州单位给员工补缴社保 到哪个部门去办", "通过主管税务机关申请办理", GZBJ),
    ("HR说补缴社保要我提供材料 是不是还要工资流水", "工资发放银行流水", GZBJ),
    ("我爸快退休了一直没单位 养老年限还不够 在广州能自己交吗", "以个人身份申请参加", GZBJ),
    ("到退休年龄了养老还差几年没交够 能接着按月交吗", "办理延缴业务", GZBJ),
    ("网上有人说有内部渠道能帮忙补社保 靠谱不", "都是诈骗", GZBJ),
    ("骗取社保待遇被查出来 要罚几倍", "二倍以上五倍以下的罚款", GZBJ),
    ("在广州申请了一次性缴养老 后面进度在哪看", "我的进度", GZBJ),
    # 河北省实施《中华人民共和国就业促进法》办法（2009 通过，2010 施行）
    ("保定一家厂新招了几个工人 就业登记最晚啥时候要弄好", "自用工之日起30日内", HBJC),
    ("在石家庄被单位辞退了 单位要在多久内帮我办失业登记", "解除劳动关系后15日内", HBJC),
    ("毕业快半年了还没找到活 在河北能去做失业登记吗", "离开学校满六个月未能就业", HBJC),
    ("户口不在河北 在保定上班 要干多久失业了才能在保定登记", "稳定就业满六个月", HBJC),
    ("河北单位一直拖着不给员工办就业登记 最后会被罚多少", "一万元以上三万元以下", HBJC),
    ("河北人社会不会帮应届生找见习的岗位", "向用人单位征集见习岗位", HBJC),
    ("想在河北自己创业 公共就业服务机构能帮我做点啥", "创业项目论证", HBJC),
    ("河北的中介用假材料套政府补贴 罚款咋算", "一倍以上三倍以下", HBJC),
    ("河北这个实施就业促进法的办法 哪天起执行的", "2010年1月1日", HBJC),
    ("我们家在河北 爸妈和我全都没工作 能申请政府帮忙安排个岗位吗", "至少一人提供", HBJC),
    # 云南省企业职工基本养老保险条例（1998 通过，2024 第二次修正）
    ("在昆明上班 单位拖着不交养老保险 滞纳金咋算", "按日加收万分之五的滞纳金", YNYL),
    ("云南退休的时候养老一共才交了12年 还能按月领养老金不", "不享受基础养老金", YNYL),
    ("从云南调到外省工作 养老个人账户里的钱能一起带走吗", "个人帐户中的全部储存额", YNYL),
    ("云南养老个人账户多久结算一次 会告诉本人不", "每年结算一次", YNYL),
    ("個人繳的養老保險費 在雲南算不算進個稅基數", "不作为计征个人所得税基数", YNYL),
    ("云南有退休老人去世了 家里人还继续领养老金 会咋处理", "冒领金额1至2倍的罚款", YNYL),
    ("云南企业养老的缴费比例是谁说了算", "由省人民政府决定并公布", YNYL),
    ("在云南交职工养老 要交满多少年退休后才能按月领", "累计缴费年限满15年以上", YNYL),
    # 已有文件里前十八批问得少的事实
    ("刚毕业想注册公司 自己没空跑 能让代办中介帮忙去登记吗", "中介机构代其办理", SCZT),
    ("公司在外地开个分公司 要去哪里的登记机关办", "分支机构所在地的登记机关", SCZT),
    ("开网店的 营业执照要在店铺哪里亮出来", "首页显著位置持续公示", SCZT),
    ("营业执照没挂在店里显眼的地方 会被罚多少", "3万元以下的罚款", SCZT),
    ("想下班后摆个地摊 没固定摊位 要按啥规定来", "根据当地实际情况另行规定", SCZT),
    ("没办执照偷偷做生意 情节严重的话罚多少", "10万元以上50万元以下", SCZT),
    ("办北京绿卡那个工作居住证 单位打印的申请表一共几份", "一式两份", BJGJ),
    ("老婆跟我一起随往北京 办工作居住证她那边要提供啥", "配偶在京工作的劳动合同", BJGJ),
    ("没学位但有职称证书 北京工作居住证能用职称证申请吗", "学位证书或职称证书", BJGJ),
    ("湖北城中村住的大多是农民工 政府打算怎么弄房源", "建立专门的住房租赁机构", HBZ),
    ("湖北用PPP模式给农民工建公租房 地方政府能出啥支持", "土地作价入股", HBZ),
    ("湖北的企业自己买房租房给员工住 算公租房吗", "纳入公共租赁住房管理", HBZ),
    ("新疆户籍改革会不会强迫农民进城落户", "被落户", XJHJ),
    ("湖南搞青年驿站 是照着团中央哪个文件来的", "中青办联发", HNYZ),
    ("新疆户籍改革是先管已经在城里住着的人 还是先管新来的", "优先解决存量", XJHJ),
    ("湖北各地出台农民工住房的具体措施 要在啥时候前报备", "7月底前", HBZ),
]

# Nothing in corpus/ answers these (checked with grep over all 96 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document on the topic, (c) another year or
# category than the documents cover, (d) adjacent topics no document covers.
NINETEENTH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "广州入户信息卡拿到以后有效期几天 过期了咋办",
    "广州应届生落到公共集体户 每年要交管理费吗",
    "硕士学历落广州 配偶和娃能不能随迁 有啥要求",
    "广州社保补缴 最多能往前补几年",
    "在广州做自由职业自己交养老 缴费基数怎么选",
    "广州单位补缴社保要不要交滞纳金 按多少算",
    "在唐山参加见习 每个月政府发多少生活补助",
    "河北那个小额贷款担保基金 我这种刚毕业的开店能贷到几万",
    "河北认定就业困难人员 具体包括哪几类人",
    "石家庄高校毕业生去基层就业 有啥补贴 补多少",
    "云南企业职工养老 单位和个人各交百分之几",
    "云南退休人员今年养老金涨了多少",
    "昆明灵活就业人员交养老保险 最低档一个月多少钱",
    "云南养老金个人账户那部分 计发月数是多少",
    "广州人才入户要的留学学历认证 一般多久能办下来",
    # (b) 没有这方面文件的地方
    "济南硕士人才落户 年龄有没有上限",
    "太原应届生以前的社保断了 能补缴吗",
    "南宁招工以后没去备案登记 公司要担啥责任",
    "贵阳单位欠缴养老保险 滞纳金按日多少",
    "海口引进博士落户 年龄最大能到几岁",
    "西安硕士人才落户 网上在哪个平台申请",
    "拉萨失业登记要带什么材料",
    "桂林的养老保险转到外省 一般多久能办完",
    "大连学历型人才落户 要不要先在当地交社保",
    # (c) 别的年份或类别
    "穗人社规字〔2019〕2号那版 人才入户有人提异议多久核实完",
    "广州市引进人才入户管理办法是哪天开始施行的",
    "云南公务员和事业编的退休待遇 按啥标准发",
    "云南农村户口的居民养老 最低档每年几百块",
    "河北省就业困难人员认定办法是哪年出台的",
    "在广州考了高级工 技能人才入户年龄卡多少",
    # (d) 语料旁边、没有文件涉及的题目
    "学位证丢了 落户审核的时候咋办",
    "户口迁到广州以后 老家交的居民医保怎么停",
    "户口先落在单位集体户 后来自己买了房 怎么迁到新房",
    "办落户要的无犯罪记录证明 去哪开",
    "延迟退休以后 养老最低缴费年限是不是要变成20年",
]


# Batch 20, written blind after five more documents were added (101 in all):
# 50 answerable questions on those five, 15 on facts of older documents that
# batches 1-19 asked little.  Each expected string was checked (whitespace
# removed) against its source file.
TWENTIETH_ANSWERABLE = [
    # 哈尔滨市寒冷季节室外劳动保护规定（2021）
    ("哈尔滨冬天在外面送快递 单位要不要发低温补贴 一个月给多少", "每人每月不低于200元", HEBW),
    ("哈尔滨说的寒冷季节 具体是哪几个月", "每年12月至次年2月期间", HEBW),
    ("哈市公司发了低温津贴以后 就把我工资往下调了 这样行吗", "扣除、降低劳动者工资", HEBW),
    ("哈尔滨发了暴雪寒潮预警 单位还让我们照常户外干 合规吗", "合理安排室外劳动项目和作业方式", HEBW),
    ("低温津贴这笔钱 哈尔滨的单位从哪里出", "从用人单位成本中列支", HEBW),
    ("在哈尔滨哪些岗位算冬季室外岗 谁说了算", "通过集体协商机制确定", HEBW),
    ("哈尔滨寒冷季节室外劳动保护规定是哪天开始实行的", "2021年10月1日", HEBW),
    ("我在哈尔滨事业单位 是签劳动合同的 冬天户外作业也按这个规定来吗", "依照本规定执行", HEBW),
    ("哈尔滨单位就是不肯跟职工协商室外岗位 谁来管", "由区、县（市）人民政府责令改正", HEBW),
    ("哈尔滨冬季户外干活 单位得给配啥", "必要的劳动防护用品", HEBW),
    # 包头市人力资源市场管理条例（2003，2014 修正）
    ("想在包头开个职业中介 办公场地最少要多大", "三十平方米以上", BTRL),
    ("在包头搞职介机构 对员工人数和学历有要求没", "三名以上具有大专以上学历", BTRL),
    ("在包头面试 公司让先交押金才给上岗 这合法不", "收取抵押金或者保证金", BTRL),
    ("包头有公司扣着求职者的毕业证不还 会怎么罚", "五百元以上二千元以下罚款", BTRL),
    ("包头办个大型人才交流会 要审批吗 多久给结果", "二十日之内", BTRL),
    ("在包头举报了一家黑中介 人社多久给我回复", "十个工作日之内", BTRL),
    ("包头的公共职业介绍机构 能帮我代管档案吗", "代为保管劳动、人事档案", BTRL),
    ("退伍回包头找工作 公共职介收不收钱", "无偿提供职业介绍", BTRL),
    ("包头单位招了人不签合同不上社保 一直不改的话罚多少", "每人五十元处以罚款", BTRL),
    ("包頭的中介發假招聘信息 逾期不改罰多少", "二百元以上一千元以下罚款", BTRL),
    # 泉州市教育局关于2016年秋季中心市区小学招生工作的意见（泉教初〔2016〕2号）
    ("泉州说的中心市区小学招生 是指哪几个区", "鲤城区、丰泽区", QZXX),
    ("孩子2010年9月出生的 2016年秋天能在泉州鲤城上一年级吗", "2010年8月31日前出生", QZXX),
    ("外地户口在泉州丰泽区打工 孩子想读公办小学 要准备哪两个证", "务工证", QZXX),
    ("泉州随迁子女上小学 居住证要在那个区住满多久", "居住半年以上", QZXX),
    ("泉州随迁子女入学的两证 2017年秋季开始有啥新要求", "居住一年（含一年）以上的居住证", QZXX),
    ("想在泉州按户籍片区上小学 户口最晚啥时候迁进去", "当年的3月1日", QZXX),
    ("泉州片区内户籍的孩子 一年级几号到几号报名", "7月3日--7月5日", QZXX),
    ("泉州进城务工人员的孩子 啥时候去学校登记入学", "7月5日--7月7日", QZXX),
    ("泉州小学一年级一个班一般多少个学生", "每班班生额45人", QZXX),
    ("泉州的民办小学招生 能不能搞入学考试", "不得通过任何考试方式招生", QZXX),
    ("泉州各区小学的招生片区 最晚啥时候公布", "4月1日前", QZXX),
    # 房屋租赁登记备案可以网办吗？（广州市天河区住建园林局，2023）
    ("在天河租了房 签完合同多久内要去备案", "订立租赁合同之日起30日内", THZL),
    ("广州租房备案 必须房东和租客两个人一起去办吗", "双方或单方均可", THZL),
    ("通过中介在天河租的房子 登记备案该谁去办", "房地产经纪机构", THZL),
    ("房东给了房源核验码 租房备案还要上传啥", "只需上传承租人信息", THZL),
    ("在阳光租房平台网签的租房合同 还要单独再备案吗", "可同步办理登记备案", THZL),
    ("天河租房备案能在穗好办上弄吗 从哪个入口进", "民生一站式服务", THZL),
    ("网上提交了租房备案 用啥查进度", "网上备案回执号", THZL),
    ("二房东把房转租给我 转租能签多久", "不能超过承租人剩余租赁期限", THZL),
    ("租房合同一签签了25年 后面几年还有效吗", "超过部分无效", THZL),
    ("住车陂这边 租房备案去哪个街道服务中心 地址在哪", "东圃陂东路6号1楼", THZL),
    ("期房还没拿到房产证 出租备案时拿啥当权属证明", "预购商品房预告登记证明书", THZL),
    # 本月起，这笔钱直接发放至个人！（广州市政数局、市医保局，2025）
    ("广州的生育津贴现在还得让公司去申请吗", "无需再通过用人单位申请", GZSY),
    ("广州生育津贴打到个人卡上 是从哪天起的", "2025年12月1日起", GZSY),
    ("在广州住院生的娃 自己申请生育津贴要交啥病历", "医疗机构盖章的出院记录", GZSY),
    ("怀孕不到四个月做了流产 广州申请生育津贴要提供啥", "含医疗机构休假意见的病历资料", GZSY),
    ("广州生育津贴不想网上弄 线下去哪里办", "各医保分中心服务大厅", GZSY),
    ("生育津贴比我原来工资少 广州公司要不要给我补差额", "予以补足", GZSY),
    ("我老婆11月中旬在广州生的 生育津贴也直接发个人吗", "按原渠道发放", GZSY),
    ("失业了还在交生育保险 用穗好办app申请生育津贴 信息采集表要手填纸质的吗", "系统可自动生成", GZSY),
    # 已有文件里前十九批没问过的事实
    ("帮我爸代办宁波居住证 我这个代办的要带啥证件", "委托人、代办人的合法有效身份证件", NBJZ),
    ("坐过牢有案底的 东莞人才那种居住证还批不批", "没有犯罪记录", DGRC),
    ("嘉兴的中介挂房源之前 要不要先去实地看房", "实地查看住房", JXZ),
    ("嘉兴租房合同写了垃圾费由租客交 房东还用担责任吗", "业主负连带交纳责任", JXZ),
    ("嘉兴这个租赁规定 管不管公租房和廉租房", "公共租赁房屋除外", JXZ),
    ("北京2023年那次调的最低工资 适用哪些单位", "各类企、事业等用人单位", BJQ),
    ("年休假里说的年度 是按入职时间算还是按自然年", "公历年度", NXJ),
    ("公司规章写的年假比国家规定多 按哪个来", "高于法定标准的", NXJ),
    ("刚换工作 年假按剩余天数折算完不到一天 还能休吗", "不足1整天的部分不享受年休假", NXJ),
    ("劳务派遣过来的员工 能休带薪年假吗", "劳务派遣单位的职工", NXJ),
    ("上海建设者之家的床位租金谁来定 要报哪里备案", "报项目所在地区房屋管理部门备案", SHJ),
    ("没通过认定的员工宿舍 能挂城市建设者管理者之家的牌子吗", "严禁未经认定的项目", SHJ),
    ("上海那种给一线工人住的建设者之家 由谁来认定挂牌", "由区房屋管理部门认定", SHJ),
    ("上海建设者之家房间外面 一般配哪些公共空间", "厨房（食堂）", SHJ),
    ("北京最低工资说的法定工作时间 是指啥前提下拿的最低报酬", "履行了正常劳动义务", BJQ),
]

# Nothing in corpus/ answers these (checked with grep over all 101 documents,
# see README.md): (a) the new documents' places or topics, but an item they do
# not state, (b) places with no document on the topic, (c) another year or
# category than the documents cover, (d) adjacent topics no document covers.
TWENTIETH_UNANSWERABLE = [
    # (a) 新文件所在地或题目、但文件没写这一项
    "哈尔滨夏天在室外干活 高温补贴一个月多少",
    "哈尔滨气温降到零下多少度 户外作业必须停工",
    "哈尔滨单位不发低温津贴 一次罚多少钱",
    "哈尔滨的低温津贴要不要交个税",
    "包头开职业中介 自有资金最少要多少万",
    "包头职业中介许可证有效期几年 要不要年检",
    "包头中介介绍成功一个工作 最多能收多少服务费",
    "天河区租房登记备案收不收费 一次多少钱",
    "广州租房合同过了30天没备案 要罚多少",
    "天河租房备案交上去以后 几个工作日能办好",
    "泉州随迁子女上公办小学 要不要积分 分数怎么算",
    "泉州丰泽区接收随迁子女的公办小学都有哪几所",
    "泉州洛江区的小学招生片区怎么划",
    "在广州顺产 生育津贴能领几个月的",
    "广州申请了生育津贴 多久能到账",
    # (b) 没有这方面文件的地方
    "长春冬天在外面干活的 单位发不发低温补贴",
    "沈阳建筑工人冬季户外作业 取暖费标准多少",
    "在鄂尔多斯办人力资源中介 门面要多大",
    "石家庄租房合同备案网上在哪办",
    "漳州外地孩子上公办小学 要交啥证明",
    "佛山生育津贴现在能直接打到职工个人账户吗",
    "赤峰办人才招聘会 要找哪个部门审批",
    "西宁环卫工冬天有没有额外补贴",
    "深圳租房备案要带什么材料",
    # (c) 别的年份或类别
    "泉州2017年秋季小学几号开始报名",
    "泉州外地娃小升初 上公办初中看什么",
    "包头1995年那版劳动力市场管理条例 中介罚款多少",
    "哈尔滨低温津贴2025年以后涨到多少了",
    "天河区买二手房 网签备案要多久",
    "广州灵活就业人员自己交生育保险 能领生育津贴吗",
    # (d) 语料旁边、没有文件涉及的题目
    "冬天上班路上在冰面摔了 算不算工伤",
    "孩子上小学之前 必须读过幼儿园大班吗",
    "领到的生育津贴要不要交个人所得税",
    "公司入职前要做背景调查 合法吗",
    "租房中介费一般收一个月房租吗",
]

# Batch 21, written blind after five more documents were added (106 in all),
# on the deployment's own province: 50 answerable questions on those five
# (about a third of the Jiangsu ones name no place: the deployment's region,
# 姜堰区 in 泰州市, 江苏省, must be read as covered by a Jiangsu document), 15
# on facts of older documents (Jiangsu, Jiangyan, Suzhou and national ones).
# Each expected string was checked (whitespace removed) against its source
# file.
TWENTYFIRST_ANSWERABLE = [
    # 江苏省就业促进条例（2022）
    ("刚毕业没工作经验 去单位参加就业见习 单位能拿见习补贴吗", "发放见习补贴", JSJY),
    ("姜堰这边见习结束单位把我留下来了 单位有没有奖励", "对用人单位留用就业见习人员的", JSJY),
    ("在江苏 创业担保贷款有没有担保基金兜底", "设立创业担保贷款担保基金", JSJY),
    ("在政府投资的创业园里开公司 场地费能减免吗", "减免一定期限的场地、设施设备使用等费用", JSJY),
    ("想报个创业培训班 有没有补帖", "给予创业培训补贴", JSJY),
    ("国企招聘写了只要全日制 我非全日制硕士被卡 江苏允许这样吗", "学习方式（全日制和非全日制）", JSJY),
    ("国外留学回来的 在泰州能享受高校毕业生就业创业政策吗", "经过国家学历学位认证的留学回国高校毕业生", JSJY),
    ("技工学校高级工班毕业 找工作算啥学历", "按照中专、大专、本科学历享受相应待遇", JSJY),
    ("在江苏拿了技师证 能不能直接申报工程师", "直接申报工程技术系列", JSJY),
    ("泰州的灵活就业人员 能自己交职工养老和医保吗", "以个人身份申请参加企业职工基本养老保险", JSJY),
    ("面试时公司问我结婚没 打不打算生娃 这样合法吗", "不得以婚姻、生育状况作为录用条件", JSJY),
    ("泰州入职体检查乙肝 查出来就不要我 可以这样吗", "禁止将乙肝病毒血清学指标作为体检标准", JSJY),
    ("江苏省就业促进条例从哪天开始施行", "2022年5月1日", JSJY),
    ("高中毕业不上学了 参加劳动预备制培训 有没有生活费补贴", "生活费补贴", JSJY),
    # 江苏省人力资源市场条例（2025）
    ("找中介介绍工作 他要扣我身份证还收押金 江苏允许吗", "向求职者收取押金", JSRL),
    ("人才中心存档案 要交保管费吗", "不得收取档案保管费", JSRL),
    ("江苏的网上招聘平台发的招聘信息 要保存多久", "保存三年以上", JSRL),
    ("职业中介的服务台账要留几年", "服务台账应当保存两年以上", JSRL),
    ("泰州的职介所 店里面要公示哪些东西", "明示营业执照、服务项目、收费标准", JSRL),
    ("人力资源公司收集求职者的个人信息 能收集到什么程度", "限于劳动者本人基本信息", JSRL),
    ("江苏人力资源市场条例哪天起施行", "2025年5月1日", JSRL),
    ("在姜堰 人力资源服务机构开展就业见习 能不能享受见习补贴", "享受就业见习补贴", JSRL),
    ("江苏推进长三角人力资源市场协同 有哪些互认", "从业人员职业技能等级互认", JSRL),
    ("經營性人力資源服務機構 每年要交啥報告", "经营情况年度报告", JSRL),
    # 江苏省劳动合同条例（2013 修订）
    ("签完劳动合同 公司多久要把我那份给我", "五个工作日内将文本交付劳动者本人", JSHT),
    ("試用期生病請病假 試用期怎麼算", "试用期中止", JSHT),
    ("江苏这边合同到期了公司没跟我续签 我还在继续上班 公司该咋办", "在一个月内与劳动者续订书面劳动合同", JSHT),
    ("在江苏 竟业限制期间公司每月最少给我多少补偿", "月平均工资的三分之一", JSHT),
    ("泰州的公司让我签三年竞业限制 最长能签多久", "最长不得超过二年", JSHT),
    ("签了保密协议 离职的提前通知期最长能约定多久", "提前通知期不得超过六个月", JSHT),
    ("江苏顶岗实习 一天最多能安排几个小时", "每日超过八小时", JSHT),
    ("泰州的劳务派遣公司和我签劳动合同 最少要签几年", "二年以上的固定期限劳动合同", JSHT),
    ("在泰州做非全日制兼职 一周最多干多少小时", "每周工作时间累计不超过二十四小时", JSHT),
    ("公司书面要求改我的劳动合同 我15天没回复 算同意吗", "视为不同意变更劳动合同", JSHT),
    ("姜堰的公司选择多付一个月工资辞退我 这一个月工资按啥标准算", "上一个月的工资标准确定", JSHT),
    # 江苏省工资支付条例（2026 第三次修正）
    ("在泰州 试用期的工资能不能比最低工资还低", "在试用期内", JSGZ),
    ("工资最长多久必须发一次", "工资支付周期最长不得超过一个月", JSGZ),
    ("在泰州辞职以后 公司几天内要把工资结清", "两个工作日内一次性付清", JSGZ),
    ("江苏周末加班 公司又不安排补休 加班费按多少算", "百分之二百", JSGZ),
    ("国庆节被叫去上班 加班费是几倍", "百分之三百", JSGZ),
    ("江苏的公司因为我违反制度扣当月工资 最多能扣多少", "当月应发工资的百分之二十", JSGZ),
    ("姜堰这边请病假 病假工资最低给多少", "当地最低工资标准的百分之八十", JSGZ),
    ("公司拿购物卡抵工资 行不行", "不得以实物、有价证券等形式替代", JSGZ),
    ("泰州拖欠工资去人社举报 几天决定立不立案", "七个工作日", JSGZ),
    ("公司停产放假一个多月 也不安排活干 泰州这样生活费怎么给", "百分之八十支付劳动者生活费", JSGZ),
    ("江苏的最低工资标准多久调整一次", "每两年至少调整一次", JSGZ),
    # 徐州市工会劳动法律监督条例（2008，2022 修正）
    ("徐州的工会劳动法律监督员 要满足哪些条件", "取得工会劳动法律监督证", XZGH),
    ("徐州工会发了整改意见书 单位多长时间内要书面回复", "十五个工作日内", XZGH),
    ("徐州有个小厂工会会员不到25人 能设劳动法律监督员吗", "可以设立劳动法律监督员", XZGH),
    ("徐州工会劳动法律监督员去单位调查取证 最少去几个人", "不少于二人", XZGH),
    # 已有文件里的事实（江苏、姜堰、苏州与全国性文件）
    ("姜堰的青年人才驿站 能提供哪些服务", "提供免费住宿、岗位推荐、政策咨询", JY),
    ("2023年姜堰新建了多少套人才公寓", "424套", JY),
    ("姜堰高层次人才一站式服务中心 能办多少个事项", "29个服务事项", JY),
    ("姜堰一年吸引了多少青年人才来就业创业", "3000多名青年人才", JY),
    ("离职以后 单位多少天内要去办社保转移", "应当在十日内向社会保险经办机构申请办理", JSB),
    ("自由职业者自己交社保 可以一年申报一次吗", "一年申报一次缴费数额", JSB),
    ("进城务工的到了退休年龄养老交不满15年 江苏能延长缴费吗", "申请延长缴费至满十五年", JSB),
    ("个人交的那部分社保费 要不要交个税", "不计征个人所得税", JSB),
    ("有人说能帮我减免社保费 单位能减免吗", "任何单位和个人无权减免社会保险费", JSB),
    ("苏州积分入户拿到资格以后 多少天内要去公安办手续", "应当于60日内", SZJF),
    ("苏州流动人口积分 申请以后多久能在网上查分", "45个工作日后", SZJF),
    ("想在外地办居住证 要在那边住满多久", "居住半年以上", JZZ),
    ("新入职的 要工作多久才能休带薪年假", "连续工作满12个月以上", NXJ),
    ("开个体户 材料齐全的话能当场拿执照吗", "当场登记", SCZT),
    ("生意不好想先歇业一段时间 要不要跟员工先商量", "与职工依法协商劳动关系处理", SCZT),
]

# Nothing in corpus/ answers these for the place asked (checked with grep over
# all 106 documents, see README.md): (a) the new documents' topics, but an
# item they do not state, (b) places with no document on the topic, (c) a
# Taizhou or Jiangyan question that only another city's or province's
# document answers, (d) adjacent topics no document covers.
TWENTYFIRST_UNANSWERABLE = [
    # (a) 新文件的题目、但文件没写这一项
    "就业见习补贴一个月能拿多少钱",
    "创业担保贷款个人最多能贷多少万",
    "在泰州开店 一次性创业补贴给多少",
    "见习人员被单位留用 单位能拿多少钱奖励",
    "江苏劳动合同的试用期最长能约定几个月",
    "泰州现在的最低工资标准是多少钱一个月",
    "江苏夏天高温津贴每个月发多少",
    "人力资源服务许可证去哪申请 几天能批",
    "职业中介介绍成功一份工作 收费标准是多少",
    "竞业限制违约了 违约金最多赔多少",
    "徐州工会劳动法律监督员一届任期几年",
    "每个月加班最多不能超过多少小时",
    "姜堰大学生租房补贴一个月多少钱",
    "人才公寓怎么申请 一个月租金多少",
    "招聘平台泄露了我的简历 会被罚多少钱",
    "人力资源服务产业园入驻 补贴具体多少钱",
    "徐州的最低工资标准是多少",
    # (b) 没有这方面文件的地方
    "太原的就业见习补贴标准是多少",
    "南宁的人力资源中介收求职者押金合法吗",
    "海口试用期工资最低不能低于多少",
    "太原公司拖欠工资 举报以后多久立案",
    "南京大学生租房补贴能领几年",
    # (c) 泰州、姜堰的问题，只有别的城市或省份的文件回答
    "泰州的工会劳动法律监督员要取得什么证",
    "泰州工会发了整改意见书 单位几天内要回复",
    "泰州流动人口积分落户 拿到资格后多少天内办手续",
    "泰州创业失败了 有没有创业失败补偿的商业保险",
    "泰州新就业的大学生租公租房 租金打几折",
    "姜堰青年人才驿站可以免费住几天",
    "姜堰青年人才驿站要提前几天预约",
    # (d) 语料旁边、没有文件涉及的题目
    "被裁员了 失业金一个月能领多少",
    "公司不给开离职证明怎么办",
    "住房公积金单位缴存比例最低是多少",
    "劳动仲裁的申请时效是多长时间",
    "江苏婚假能休几天",
    "在泰州生孩子 产假有多少天",
]


TWENTYSECOND_ANSWERABLE = [
    # 无锡市企业工资集体协商条例（2011）
    ("无锡的公司搞工资集体协商 双方代表各出几个人", "每方三至九名", WXGZ),
    ("在无锡当职工方的协商代表 任期最短几年", "不得短于三年", WXGZ),
    ("无锡厂里女工有三十几个 工资协商代表里必须有女的吗", "应当有女职工代表", WXGZ),
    ("我是劳务派遣到无锡一家厂的 能不能当工资协商代表", "劳务派遣工可以作为协商代表", WXGZ),
    ("无锡这边工会给老板发了协商意向书 老板拖着不回 规定几天内要书面答复", "二十日内予以书面答复", WXGZ),
    ("无锡企业的工资协商是多久谈一次啊", "工资协商每年一次", WXGZ),
    ("无锡公司今年涨工资 一线工人涨的比例能比全公司平均低吗", "不得低于企业职工工资增长幅度", WXGZ),
    ("在无锡厂里做计件 定额定得太高根本干不完 有没有规定定额要让多少人能完成", "百分之九十以上的职工", WXGZ),
    ("無錫工資協議簽完報給人社局 多久生效", "十五日内未提出异议的", WXGZ),
    ("我在无锡当协商代表 开会谈工资占了上班时间 会不会算我旷工扣钱", "视为提供正常劳动", WXGZ),
    ("无锡工资集体协商谈不拢 找人调解的话 多长时间内要结束", "在三十日内结束", WXGZ),
    ("无锡老板拒绝跟职工谈工资 逾期不改的话对企业罚多少", "一万元以上三万元以下罚款", WXGZ),
    # 江苏省社会保险基金监督条例（2016，2020 修正）
    ("单位给我交了哪几项社保 交了多少 公司有义务告诉我吗", "定期向职工本人告知", JSJD),
    ("发现公司社保一直按最低基数给我交 少交了 我能去哪举报", "有权向社会保险经办机构或者社会保险费征收机构举报", JSJD),
    ("去社保窗口打印个人权益记录单 要不要收费", "免费为参保单位、参保人员出具", JSJD),
    ("泰州有人拿假材料骗社保待遇 被查到罚多少", "处骗取金额二倍以上五倍以下罚款", JSJD),
    ("举报别人骗保 查实了我有没有奖励", "由社会保险行政部门给予奖励", JSJD),
    ("公司一直拖着不交社保 限期了还不交 罚款按啥算", "欠缴数额一倍以上三倍以下罚款", JSJD),
    ("骗社保待遇被查出来 会不会影响个人信用啊", "相关违法信息纳入公共信用信息系统", JSJD),
    ("江苏社保基金监督条例是哪天开始施行的", "2016年7月1日", JSJD),
    ("姜堰社会保险监督委员会 都是由哪些人组成的", "用人单位代表、参保人员代表、工会代表", JSJD),
    ("社保缴费基数和费率 社保部门会不会主动公开", "社会保险缴费基数和费率", JSJD),
    ("我想举报单位社保的问题 会不会把我名字透露给公司", "并为举报人保密", JSJD),
    ("医保基金跟生育保险基金是分开记账还是合在一起的", "合并建账及核算", JSJD),
    # 江苏省职业病防治条例（2024 修订）
    ("刚进一家有粉尘的厂 公司要不要先组织体检再上岗", "上岗前、在岗期间和离岗时的职业健康检查", JSZY),
    ("化工厂不发防护口照 说折成钱发给我们 这样行吗", "不得以其他方式替代发放职业病防护用品", JSZY),
    ("我要从车间辞职了 公司让我去做离岗体检 必须去吗", "应当配合用人单位进行离岗职业健康检查", JSZY),
    ("去医院要求做职业病诊断 诊断机构能拒绝我吗", "职业病诊断机构不得拒绝", JSZY),
    ("上次诊断说不是职业病 我还想再诊断一次 要准备啥", "应当提交新的证据材料", JSZY),
    ("原来的厂子倒闭了 我得了职业病 找谁救助", "向医疗保障、民政等部门申请医疗救助", JSZY),
    ("職業病危害嚴重的工廠 多久要做一次危害因素檢測", "每年至少进行一次职业病危害因素检测", JSZY),
    ("体检查出我有职业禁忌 公司应该怎么安排我", "调离或者暂时脱离原工作岗位", JSZY),
    ("江苏新修订的职业病防治条例啥时候开始施行", "2024年5月1日", JSZY),
    ("厂里一百多号人 有职业病危害 要不要专门配管职业健康的人", "配备专职的职业健康管理人员", JSZY),
    ("做职业病诊断 公司跟我对在岗时间有争议 卡住了咋办", "劳动人事争议仲裁委员会申请仲裁", JSZY),
    ("我是派遣工在车间干活 职业健康培训归谁管", "纳入本单位职业健康培训对象统一管理", JSZY),
    # 北京市人社局关于调整失业保险金发放标准的通告（2025）
    ("在北京交了3年失业保险被裁了 现在失业金一个月领多少", "2129元", BJSY),
    ("北京失业保险累计交了七年 每月失业金能拿多少", "2156元", BJSY),
    ("北京的失业保险金 领到第13个月以后按多少发", "一律按2129元发放", BJSY),
    ("北京这次调整的失业金新标准 从哪天开始执行", "2025年9月1日", BJSY),
    ("北京失业保险累计缴费二十多年了 失业金月标准是多少", "2286元", BJSY),
    ("北京调失业金标准 依据的是哪个规定", "《北京市失业保险规定》", BJSY),
    # 广州异地就医备案办理指引（2023，HTML）
    ("广州医保 去外省住院还要自己先垫钱再回来报吗", "无需个人垫付医疗费用", GZYD),
    ("广州异地就医备案在穗好办上交了 要等几天审批", "2个工作日内完成审批", GZYD),
    ("广州办了长期异地就医备案 普通门诊待遇有哪两种选", "按月领取普通门诊包干金", GZYD),
    ("广州医保备案后在外地看门诊 要提前选定点医院吗", "无须选点就医", GZYD),
    ("广州医保在外地直接结算出问题了 打哪个电话", "020-12345", GZYD),
    ("广州办了异地就医备案 回广州看病还能用医保报吗", "双向享受医保结算待遇", GZYD),
    ("用个人承诺的方式办的广州长期异地备案 回广州能刷医保不", "仅能在备案地享受医保待遇", GZYD),
    ("广州参保的 在广东省内别的城市生娃 生育费用能直接结算吗", "省内跨市生育费用直接结算", GZYD),
    # 原有文件：江苏省工资支付条例
    ("青年节公司组织我们去参加活动 那天工资照发吗", "视同其正常劳动支付工资", JSGZ),
    ("发工资那天正好赶上国庆放假 工资是往后推还是提前发", "在此之前的工作日提前支付", JSGZ),
    ("公司发工资从来不给工资条 这样合规吗", "同时提供本人的工资清单", JSGZ),
    ("老板说资金周转不开要延期发工资 最多能拖多久", "最长不得超过三十日", JSGZ),
    ("上班的打卡考勤记录 公司要保存多少年", "保存劳动考勤记录不得少于二年", JSGZ),
    ("厂里停工了才半个月 这半个月的工资还照发吗", "视同劳动者提供正常劳动支付其工资", JSGZ),
    # 原有文件：江苏省就业促进条例
    ("姜堰的企业招人 有没有规定必须招多少比例的残疾人", "百分之一点五", JSJY),
    ("大学生当兵退伍回来 考公务员有没有专门面向我们的岗位", "服现役满五年的高校毕业生退役军人", JSJY),
    ("女员工休产假 这期间公司交的社保政府会补贴吗", "女职工产假期间企业缴纳的社会保险费用", JSJY),
    # 原有文件：江苏省人力资源市场条例
    ("人力资源公司在泰州办现场招聘会 要准备应急预案吗", "应急预案和安全保卫工作方案", JSRL),
    # 原有文件：江苏省劳动合同条例
    ("生病治不好被公司解除合同 鉴定部分丧失劳动能力 医疗补助费给多少", "不低于本人六个月工资的医疗补助费", JSHT),
    ("外地派遣公司把我派到泰州上班 社保应该在哪边交", "在用工单位所在地办理社会保险", JSHT),
    # 原有文件：徐州市工会劳动法律监督条例
    ("徐州厂里领导硬逼工人冒险干活 工会能做点啥", "立即停止作业的建议", XZGH),
    ("我在徐州当工会劳动法律监督员 干这活期间工资会受影响吗", "其工资和其他待遇不受影响", XZGH),
    ("在徐州要去仲裁告公司侵权 工会会帮忙吗", "工会应当对其提供支持和帮助", XZGH),
]

# Nothing in corpus/ answers these for the place asked (checked with grep over
# all 111 documents, see README.md): (a) the new documents' topics, but an
# item they do not state, (b) places with no document on the topic, (c) a
# Taizhou or Jiangyan question that only another city's document answers,
# (d) adjacent topics no document covers.
TWENTYSECOND_UNANSWERABLE = [
    # (a) 新文件的题目、但文件没写这一项
    "无锡今年的工资指导线是多少 企业涨薪一般涨百分之几",
    "社保个人账户记账利率今年是多少",
    "举报骗保查实了 奖励具体能拿多少钱",
    "社会保险监督委员会的委员一届干几年",
    "姜堰这边交职工社保 单位那头的缴费比例是多少",
    "做一次职业病诊断要花多少钱 谁出这个钱",
    "在岗期间的职业健康检查 多久要做一次",
    "得了尘肺病 工伤赔偿一共能拿多少",
    "公司不给发防护用品 具体罚多少钱",
    "北京失业金最长能领几个月",
    "在北京领失业金期间 医保谁来交",
    "北京失业金2026年还会不会再涨",
    "在广州上班 回老家长期住要办异地备案 得准备啥证明材料",
    "广州临时异地就医备案有效期多久",
    # (b) 没有这方面文件的地方
    "常州被辞退后 失业保险待遇每月发放标准是多少",
    "扬州医保异地就医备案在哪个app上办",
    "杭州想做职业病诊断 要去哪家医院",
    "深圳失业保险待遇 领满一年后标准会降吗",
    "南通的企业工资集体协商 协商代表任期是几年",
    "成都医保办异地长期居住备案 多久批下来",
    "合肥职业病危害一般的工厂 几年检测一次",
    "长沙缴了五年失业险 现在每月能发几块钱",
    # (c) 泰州、姜堰的问题，只有别的城市的文件回答
    "在泰州 职工跟老板坐下来谈工资 每边能派多少名代表",
    "姜堰的企业签完工资协议 报人社局以后多少天生效",
    "在泰州被裁了 交了6年失业保险 现在每月失业金多少",
    "泰州医保办异地就医备案 几个工作日能审批完",
    "泰州失业金领满一年以后 是不是就按最低那档发了",
    "姜堰这边谈工资没谈成 上级组织介入调解有没有期限",
    "泰州参保的 长期异地备案后能不能按月领门诊包干金",
    # (d) 语料旁边、没有文件涉及的题目
    "年终奖公司能不能说不发就不发",
    "公司让我签自愿放弃社保的声明 这个有效吗",
    "灵活就业自己交医保 一年大概多少钱",
    "单位给交的补充医疗保险 离职了能带走吗",
    "夜班补贴一般一晚上给多少钱",
    "社保断交三个月 医保卡还能不能用",
]


# Unanswerable rows of earlier batches that a document added later answers for
# the deployment's own region (a question naming no place is about 姜堰区, in
# 泰州市, 江苏省): batch 21's and batch 22's Jiangsu regulations state these.  They keep their
# place in the files (each batch's shuffle is unchanged); only expected and
# source are filled in.
RELABELLED = {
    "竞业限制补偿一个月最少给多少": ("月平均工资的三分之一", JSHT),
    "病假期间工资最低能按多少发": ("当地最低工资标准的百分之八十", JSGZ),
    "周末加班工资按平时几倍算": ("百分之二百", JSGZ),
    # batch 22: the Jiangsu regulation on supervising social insurance funds
    # states the daily late fee that the batch-9 question asks for.
    "江苏社保交晚了，滞纳金每天按万分之几算": ("按日加收万分之五的滞纳金", JSJD),
}


def _relabelled(rows: list) -> list:
    out = []
    for q, e, s in rows:
        if not e and q in RELABELLED:
            e, s = RELABELLED[q]
        out.append((q, e, s))
    return out


def _shuffled(answerable, unanswerable, seed: int) -> list:
    """One batch as rows, shuffled with its own seed (no split: a dev-only batch)."""
    rows = [(q, e, s) for q, e, s in answerable] + [(q, "", "") for q in unanswerable]
    random.Random(seed).shuffle(rows)
    return rows


def _split(answerable, unanswerable, seed: int) -> tuple[list, list]:
    """One batch shuffled with its own seed and cut in half (dev, holdout).

    Each batch keeps its own seed so that adding a batch never reorders the
    rows an earlier batch already put in the files."""
    rows = _shuffled(answerable, unanswerable, seed)
    half = len(rows) // 2
    return rows[:half], rows[half:]


def main() -> None:
    dev1, hold1 = _split(ANSWERABLE, UNANSWERABLE, 20261203)
    dev2, hold2 = _split(NEW_ANSWERABLE, NEW_UNANSWERABLE, 20261205)
    dev3, hold3 = _split(THIRD_ANSWERABLE, THIRD_UNANSWERABLE, 20261206)
    dev4 = _shuffled(FOURTH_ANSWERABLE, FOURTH_UNANSWERABLE, 20261207)
    dev5, hold5 = _split(FIFTH_ANSWERABLE, FIFTH_UNANSWERABLE, 20261208)
    dev6, hold6 = _split(SIXTH_ANSWERABLE, SIXTH_UNANSWERABLE, 20261210)
    dev7, hold7 = _split(SEVENTH_ANSWERABLE, SEVENTH_UNANSWERABLE, 20261211)
    dev8, hold8 = _split(EIGHTH_ANSWERABLE, EIGHTH_UNANSWERABLE, 20261212)
    dev9, hold9 = _split(NINTH_ANSWERABLE, NINTH_UNANSWERABLE, 20261213)
    dev10, hold10 = _split(TENTH_ANSWERABLE, TENTH_UNANSWERABLE, 20261214)
    dev11, hold11 = _split(ELEVENTH_ANSWERABLE, ELEVENTH_UNANSWERABLE, 20261215)
    dev12, hold12 = _split(TWELFTH_ANSWERABLE, TWELFTH_UNANSWERABLE, 20261216)
    dev13, hold13 = _split(THIRTEENTH_ANSWERABLE, THIRTEENTH_UNANSWERABLE, 20261217)
    dev14, hold14 = _split(FOURTEENTH_ANSWERABLE, FOURTEENTH_UNANSWERABLE, 20261218)
    dev15, hold15 = _split(FIFTEENTH_ANSWERABLE, FIFTEENTH_UNANSWERABLE, 20261219)
    dev16, hold16 = _split(SIXTEENTH_ANSWERABLE, SIXTEENTH_UNANSWERABLE, 20261220)
    dev17, hold17 = _split(SEVENTEENTH_ANSWERABLE, SEVENTEENTH_UNANSWERABLE, 20261221)
    dev18, hold18 = _split(EIGHTEENTH_ANSWERABLE, EIGHTEENTH_UNANSWERABLE, 20261222)
    dev19, hold19 = _split(NINETEENTH_ANSWERABLE, NINETEENTH_UNANSWERABLE, 20261223)
    dev20, hold20 = _split(TWENTIETH_ANSWERABLE, TWENTIETH_UNANSWERABLE, 20261224)
    dev21, hold21 = _split(TWENTYFIRST_ANSWERABLE, TWENTYFIRST_UNANSWERABLE, 20261225)
    dev22, hold22 = _split(TWENTYSECOND_ANSWERABLE, TWENTYSECOND_UNANSWERABLE, 20261226)
    dev = (dev1 + dev2 + dev3 + dev4 + dev5 + dev6 + dev7 + dev8 + dev9 + dev10 + dev11 + dev12
           + dev13 + dev14 + dev15 + dev16 + dev17 + dev18 + dev19 + dev20 + dev21 + dev22)
    holdout = (hold1 + hold2 + hold3 + hold5 + hold6 + hold7 + hold8 + hold9 + hold10 + hold11
               + hold12 + hold13 + hold14 + hold15 + hold16 + hold17 + hold18 + hold19 + hold20 + hold21 + hold22)
    dev, holdout = _relabelled(dev), _relabelled(holdout)
    for name, part in (("multi_dev.tsv", dev), ("multi_holdout.tsv", holdout)):
        with open(HERE / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("question\texpected\tsource\n")
            for q, e, s in part:
                for field in (q, e, s):
                    assert "\t" not in field and "\n" not in field and '"' not in field
                fh.write(f"{q}\t{e}\t{s}\n")
    print(f"wrote {len(dev)} dev rows ({len(dev1)} + {len(dev2)} + {len(dev3)} + {len(dev4)} + {len(dev5)} + {len(dev6)} + {len(dev7)}"
          f" + {len(dev8)} + {len(dev9)} + {len(dev10)} + {len(dev11)} + {len(dev12)} + {len(dev13)} + {len(dev14)} + {len(dev15)} + {len(dev16)} + {len(dev17)} + {len(dev18)} + {len(dev19)} + {len(dev20)} + {len(dev21)} + {len(dev22)}) and {len(holdout)} holdout rows"
          f" ({len(hold1)} + {len(hold2)} + {len(hold3)}"
          f" + {len(hold5)} + {len(hold6)} + {len(hold7)} + {len(hold8)} + {len(hold9)} + {len(hold10)} + {len(hold11)}"
          f" + {len(hold12)} + {len(hold13)} + {len(hold14)} + {len(hold15)} + {len(hold16)} + {len(hold17)}"
          f" + {len(hold18)} + {len(hold19)} + {len(hold20)} + {len(hold21)} + {len(hold22)})")


if __name__ == "__main__":
    main()
