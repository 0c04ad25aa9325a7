"""Every user-facing sentence, in one place (Simplified Chinese, short and friendly)."""

from core.config import DialogueConfig

NOT_FOUND = "抱歉，我在现有资料里没有找到这个问题的答案。"
NOT_FOUND_PLACE = "抱歉，我这里暂时没有{place}的相关政策资料，没法回答这个问题。"
NOT_FOUND_PLACE_TOPIC = "抱歉，我这里关于{place}的资料里没有讲到这个问题，没法回答。"
SOURCE_LINE = "（来源：《{title}》{section}）"
INDEX_NOT_READY = "知识库正在准备中，请稍后再试。"
BAD_QUESTION = "请输入要咨询的问题（500字以内）。"
BAD_JSON = "请求格式不正确，请发送 JSON。"
TOO_LARGE = "内容太长了，请精简后再发送。"
UPLOAD_TOO_LARGE = "文件太大了：单个文档不能超过{mb}MB，请压缩或拆分后再上传。"
NOT_FOUND_PAGE = "没有这个页面。"
NOT_FOUND_CONSOLE = "没有找到这个页面：链接可能有误，或者要找的内容已被删除。"
METHOD_NOT_ALLOWED = "这个地址不能直接打开，请回到页面上用按钮操作。"
BAD_REQUEST = "请求无效，请刷新页面后重试。"
INTERNAL_ERROR = "系统开小差了，请稍后再试。（编号 {request_id}）"

# Not numbered: a numbered list is one to answer with a number ("回复序号"), and this one is not
# (after a QR code it comes with the list of stations, whose "2" picks a station).
WELCOME = ("欢迎关注{district}人才服务！我是人才助手，可以帮您：\n"
           "咨询人才政策（{topics}等），直接发文字提问就行；\n"
           "预约青年人才驿站免费住宿，回复“预约驿站”；\n"
           "联系工作人员，回复“转人工”。")
HELP = ("您可以直接问我人才政策，比如“人才公寓有多少套”“驿站能免费住吗”。\n"
        "回复“预约驿站”预约免费住宿，“我的预约”查看预约，“转人工”联系工作人员。")
GREETING = "您好！我是{assistant}，有什么可以帮您？可以直接问我人才政策哦。"
# "还在吗", "人呢", "怎么不回我了": still here (user test 22 was greeted as if new, or given a policy text)
STILL_HERE = "在的～有什么可以帮您？可以直接问我人才政策哦。"
STILL_HERE_IN_FLOW = "在的～我们接着来。"
THANKS = "不客气，祝您在{district}一切顺利！还有问题随时问我。"
EXITED = "好的，已退出当前操作。还有什么可以帮您？"
BOOKING_ABANDONED = "好的，这次预约已取消，没有提交任何信息。已有的预约可回复“我的预约”查看。"
BOOKING_ABANDONED_OTHERS = "要取消已经约好的预约，请再回复一次“取消预约”。"
ACKNOWLEDGED = "好的～还有其他问题随时问我。"
ABOUT_BOT = "我是{assistant}，一个自动回复的智能助手：可以回答人才政策、帮您预约青年人才驿站。需要真人帮忙请回复“转人工”。"
GOODBYE = "再见！祝您在{district}一切顺利，有问题随时来问我。"
REPEATED = "我刚才说的是：\n\n{text}"
NOTHING_TO_REPEAT = "我们刚开始聊呢～您想了解什么？可以问我人才政策，或者回复“预约驿站”。"
NO_WORDS = "有什么可以帮您？可以直接发文字问我人才政策，或回复“帮助”看看我能做什么。"
NOTHING_TO_EXIT = "好的。还有什么可以帮您？"
WAIT = "好的，不着急，想好了随时发给我。"
WAIT_IN_FLOW = "好的，不着急，准备好了直接发给我就行。"
# A message in English (or another language written in Latin letters): say so in both.
FOREIGN = ("您好！我目前只能用中文回答人才政策问题，可以试试下面的问题，或回复“转人工”。\n"
           "Hi! I can only answer in Chinese for now. Tap a question below, or send 转人工 to reach our staff.")
# A booking asked for in English: it starts, its questions in Chinese, English answers understood.
BOOKING_IN_ENGLISH = ("我用中文回复，您用中文或英文回答都可以。\n"
                      "I reply in Chinese; you may answer in English, e.g. \"tomorrow, 2 nights\".")
UNSUPPORTED = "暂不支持这类消息哦。请直接发送文字提问，回复“帮助”查看我能做什么。"
VOICE_UNRECOGNISED = "抱歉，没听清您的语音。请直接发送文字，我来帮您解答。"
RATE_LIMITED = "您发得太快啦，请稍等几秒再发送。"
PREVIOUS_STILL_RUNNING = "您的上一条消息还在处理中，请稍等片刻再发。"
EMPTY_TEXT = "请发送文字描述您的问题，我来帮您解答。"
OFF_TOPIC = ("这个我帮不上忙哦。我是{assistant}，可以回答人才政策（{topics}等），"
             "也可以帮您预约青年人才驿站免费住宿。")
OFF_TOPIC_IN_FLOW = "这个我帮不上忙哦，我只能回答人才政策和驿站的问题。"
# Where to go, what to eat or see ("溱湖有什么好玩的"): not the office's to answer.
SIGHTSEEING = "吃喝玩乐、景点这些我不太了解哦，我只能回答人才政策和驿站的问题。"
COMPLAINT = "抱歉给您添麻烦了。我是自动回复的助手，有些问题还答不上来。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。"
STUCK = ("抱歉没能帮上您。我是自动回复的助手，可以回答人才政策（{topics}等），帮您预约青年人才驿站、"
         "查看或取消预约；其他情况可以交给工作人员。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。")
# "那怎么办" right after being told one may not stay: booking is no way out for them (user test 7).
STUCK_REFUSED = ("抱歉没能帮上您。驿站免费住宿的条件我这边没法放宽；人才政策（{topics}等）的问题可以直接问我，"
                 "有特殊情况可以交给工作人员。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。")
STUCK_IN_FLOW = "按下面的提示回复就行；想找工作人员的话，回复“转人工”。"
APOLOGY_WORD = "抱歉"  # a reply that starts with it has apologised already
APOLOGY = "抱歉给您添麻烦了。\n"  # a complaint said beside a request ("订个房这么麻烦"), before its reply
COMPLAINT_IN_FLOW = "抱歉给您添麻烦了，就快好了。"
# "还有别的吗" after an answer: the answer was the best the documents hold on it; what else they cover.
MORE_ON_TOPIC = ("关于这个，我在资料里找到的最相关的就是上面这条。资料里还讲到{topics}等，"
                 "想了解哪个直接问我就行；要更详细的解答可以回复“转人工”。")
# "具体点", "然后呢" after a question not answered, or a follow-up that finds only the answer just given.
# "？？？", "🤔", "啊？" right after a question not answered: puzzled by it; a person is offered again.
PUZZLED_NOT_FOUND = "抱歉，刚才的问题我在资料里确实没有找到答案。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。"
MORE_NOT_FOUND = "刚才的问题我在资料里没有找到答案，所以也没法说得更具体。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。"
MORE_SAME = "关于这个，资料里写到的就是上面那些，没有更具体的内容了。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。"
# "这是哪个文件说的", "有链接吗", "出处呢": where the last answer comes from (user test 13: "帮不上忙").
SOURCE_OF_LAST = "刚才的回答出自{sources}。"
SOURCE_ITEM = "《{title}》{section}"
SOURCE_JOIN = "、"
SOURCE_NO_LINK = "这里发不了原文和链接，需要的话回复“转人工”，请工作人员发给您。"
SOURCE_NOT_FOUND_LAST = "刚才的问题我在资料里没有找到答案，所以没有出处。需要的话回复“转人工”请工作人员解答。"
SOURCE_NOTHING_YET = "您问我政策问题时，每条回答后面都会注明出自哪份资料。您想了解什么？"
OFFER_TICKET = "需要我帮您转给工作人员吗？回复“需要”或“转人工”，他们会尽快答复您。"
OFFER_TICKET_FOR_SOME = "没找到答案的问题，需要我帮您转给工作人员吗？回复“需要”或“转人工”，他们会尽快答复您。"
TICKET_LATER = "办完当前这一步后，可以回复“转人工”请工作人员解答。"
ANSWER_COMING = "问题已收到，正在为您查询，答案稍后发给您。"
LATE_ANSWER_PREFIX = "您刚才的问题：{question}\n"
COMING_SOON = "这个功能即将上线，敬请期待。您也可以回复“转人工”联系工作人员。"

# ---------------------------------------------------------------- bookings
BOOKING_NO_STATION = "没有找到这个驿站，请重新选择。"
BOOKING_BAD_NAME = "姓名格式不对，请输入2到20个字的真实姓名。"
BOOKING_NAME_AGAIN = "姓名格式不对，请输入入住人的真实姓名（如“王芳”，也可以说“我叫王芳”）。"
BOOKING_ONE_PERSON = "一个预约是一位入住人的一个床位，同一时间段一个微信或一个手机号只能约一个；同行的人请用自己的微信预约。"
# "那分开订两个呢" after the one-bed rule: yes, each person with their own WeChat (user test 16: "帮不上忙")
BOOK_SEPARATELY = "可以的，分开订就行：每位入住人用自己的微信各约一个床位（一个微信同一时间只能约一个）。"
BOOK_ONE_PERSON_HOW = "\n您自己要住的话，回复“预约驿站”就能预约。"  # after it, to a question whether someone may come along
BOOKING_DAY_NEEDED = "哪天入住要您来定哦，告诉我具体日期就行，比如“明天”或“12月15日”。"
BOOKING_NIGHTS_NEEDED = "住几晚要您来定哦，1到{max}晚都可以，直接回复数字就行，比如“2”。"
BOOKING_NAME_NEEDED = "这一步需要入住人的姓名，直接回复名字就行，比如“王芳”。"
BOOKING_PHONE_NEEDED = "这一步需要一个联系手机号，直接发11位手机号就行。"
BOOKING_FULL_NAME = "入住时要凭身份证核对姓名，请告诉我入住人身份证上的全名。"
BOOKING_BAD_PHONE = "手机号格式不对，请输入11位手机号。"
# A landline typed for the phone (user test 22: "林詩涵 0523-86123456" was told the name was wrong).
BOOKING_LANDLINE = "这个像是座机号，预约需要留一个11位手机号。"
# An ID card number typed while booking (user test 17: ignored without a word, or "手机号格式不对").
BOOKING_ID_NOT_NEEDED = "预约不用填身份证号，入住时带上身份证核对就行，这个号码我没有记下。"
BOOKING_ID_NOT_PHONE = "这个像是身份证号哦，预约不用填，入住时带上身份证就行。这里需要的是11位手机号。"
BOOKING_BAD_NIGHTS = "可免费入住1到{max}晚，请重新输入入住晚数。"
BOOKING_NIGHTS_WHICH = "住{low}晚或{high}晚都可以，请定一个具体晚数。"
NIGHTS_NOT_UNDERSTOOD = "没看懂要住几晚，直接回复数字就行，比如“2”或“两晚”。"
BOOKING_PAST_DATE = "{day}已经过去了，入住日期不能早于今天，请换个日期。"
BOOKING_WEEKDAY_PASSED = "{said}是{day}，已经过去了。是想订{next}（{next_day}）吗？是的话回复“{next}”，或告诉我别的日期。"
BOOKING_WEEKEND_WHICH = "今天就是周日。您是想今天入住，还是下周末（{day}，周六）入住？回复“今天”或“下周六”就行。"
BOOKING_MOVING_HOLIDAY = "{holiday}每年的日期不一样，我没法准确算出是哪天。请告诉我具体的入住日期，比如“{example}”。"
BOOKING_WHICH_DAY_OF = "{said}是{first}到{last}，具体哪天入住呢？比如“{first}”。"
DAY_AND_WEEKDAY = "{day}（{weekday}）"
DAY_IS = "{day}是{weekday}。"  # "1月3号是周几", "下周三是几号"
DAYS_WHICH_JOIN = "还是"  # "12月7日（周一）还是12月8日（周二），选哪天入住呢？"
DAYS_EITHER_JOIN = "或"
BOOKING_DAY_TAKEN_BACK = "好的，不订{day}。"
BOOKING_WHICH_OF_DAYS = "{days}，选哪天入住呢？"
# "明天" said after midnight: the day just begun, or the next one? (user test 23 booked the next one at 00:30)
BOOKING_SMALL_HOURS = "现在已经过了零点，您说的“明天”是指今天白天{today}，还是{tomorrow}？"
# Two stays in one message ("明天和下周三两次 各住一晚"): one booking is one check-in day.
BOOKING_TWO_DAYS = "一次预约是一个入住日期：这次先订{day}入住，订好后回复“预约驿站”再订{other}。\n"
BOOKING_UNTIL_NOTED = "好的，住到{day}（{weekday}），入住那天定了就能算出住几晚。\n"
BOOKING_EITHER_DAY = "您说{days}都行，先按{day}记下了；想换就说“改成{other}”。\n"
BOOKING_AFTER_HOLIDAY = "“{said}”具体是哪天入住呢？告诉我日期就行，比如“{example}”。"
ELIGIBILITY_FAILS = "按您说的情况，暂不符合免费入住条件：{reasons}如有疑问可回复“转人工”。"
ELIGIBILITY_MEETS = "按您说的情况，{facts}符合驿站免费入住的条件。其余条件预约时会逐一确认，回复“预约驿站”就能预约。"
ELIGIBILITY_ONE = "您的{fact}"
ELIGIBILITY_BOTH = "您的{first}和{second}都"
# The same said of someone else ("我22年毕业的同学能住吗": not "您的毕业年限", user test 14).
ELIGIBILITY_ONE_OTHER = "对方的{fact}"
ELIGIBILITY_BOTH_OTHER = "对方的{first}和{second}都"
ELIGIBILITY_AGE = "年龄"
ELIGIBILITY_GRADUATED = "毕业年限"
# A station picked for a user who did not mind which ("随便", "都行").
STATION_PICKED = "好的，帮您选了{station}，您要住的那几天有空床。想换的话回复“换{other}”就行。"
STATION_PICKED_EARLY = "好的，先帮您选了{station}，床位多一些（定了日期后没空床会帮您换）。想换的话回复“换{other}”就行。"
STATION_ANY = "这{count}个驿站都可以免费住，条件一样，选离您要办事的地方近的就行。\n"
# "你说呢", "一般大家住几晚" where the nights are asked: the user's to choose (user test 15).
NIGHTS_ANY = "住几晚按您的安排来就行，每次最多可以免费住{max}晚；还没定的话，可以先按面试或办事需要的天数订。\n"
STATIONS_LIST = "目前可以预约的驿站有{count}个：\n{stations}\n想预约的话回复“预约驿站”。"
ELIGIBILITY_RULES = "驿站免费入住的条件：{rules}告诉我您的年龄或毕业年份，我可以帮您看看是否符合。"
# Whether two or more may stay together ("我和女朋友一起能住吗"): each guest books a bed of their own.
ELIGIBILITY_TOGETHER = "可以，每位入住人各自符合条件、各订一个床位就行。{one}{rules}"
STATION_NEEDED = "还需要先选一个驿站，回复序号或驿站名称就行。"
FORM_NOTED_OTHERS = "好的，这些记下了。还差这一项：\n"
FORM_NOT_YET = "还差最后一步，这个{title}还没有提交哦。\n"
# "好了吗", "就这些 麻烦你们了" while a question is still open (user test 9: "没有找到这个驿站").
FORM_NOT_YET_STEP = "还没好哦，还差下面这一项，填完就好。\n"
# A reply at a step with no words in it ("？", "😀", a sticker): the step said again, and questions welcome.
FORM_NO_WORDS = "有不清楚的地方可以直接打字问我；要继续的话，按下面这一步回复就行。\n"
# "你是机器人吗" in the middle of a flow: what answers, and the step again.
ABOUT_BOT_IN_FLOW = "我是{assistant}，一个自动回复的智能助手。办完这一步后，需要真人帮忙可以回复“转人工”。"
# "我是她妈妈" while booking: taken in, not read as an answer (user test 9: "没有找到这个驿站").
# "我帮他订可以吗": yes, and whose name and phone go in (user test 16 was told the conditions)
BOOKING_FOR_ANOTHER_OK = "可以的，帮家人朋友订也行。姓名和手机号请填{who}本人的，入住时要核对身份证。\n"
GUEST_HIMSELF = "入住人"  # {who} above when the message names no 他 or 她
YOU_POLITE = "您"  # how a question put to the guest speaks to them; the guest named instead when booking for another
BOOKING_FOR_ANOTHER_NOTED = "好的，您是帮家人预约。入住人的姓名和手机号请填入住人本人的，入住时要核对身份证。\n"
BOOKING_IMPOSSIBLE_DATE = "没有这一天哦，请检查一下日期（比如2月没有30日）。"
BOOKING_TOO_FAR = "目前只能预约{days}天内的入住，最晚{last}入住，请换个日期。"
BOOKING_WINDOW = "可以预约今天（{first}）到{last}入住（{days}天内）。"
BOOKING_CLOSED = "{station}{day}暂停接待，请换个日期或驿站。"
BOOKING_FULL = "抱歉，{station}{day}的床位已约满。"
BOOKING_OVERLAP_PHONE = "这个手机号在同一时间段已有预约，不能重复预约。如需帮助请回复“转人工”。"
BOOKING_OVERLAP = "您已有同一时间段的预约（编号{number}，{day}入住），不能重复预约。"
# A day chosen that a booking made already covers (the same stay asked for twice): said when the day is
# given, not at the summary after every question (user test 15).
BOOKING_OVERLAP_AHEAD = ("{day}已经在您的预约里了：{station}，{check_in}入住，共{nights}晚（编号{number}）。"
                         "同一时间只能约一个床位，想约别的日子请告诉我入住日期。")
BOOKING_ANSWER_MISSING = "请先回答：{question}"
BOOKING_INELIGIBLE_TAIL = "很抱歉，您暂不符合免费入住条件。如有疑问可回复“转人工”。"
# A graduation in a later year ("明年才毕业"): 含应届 is this year's graduates, not next year's.
# When one refused may stay, asked right after ("那他什么时候能住").
ELIGIBLE_AFTER_GRADUATION = "毕业以后就可以预约了（驿站面向毕业{years}年内的高校毕业生，含当年毕业的），到时候回复“预约驿站”就行。"
ELIGIBLE_NEVER_BY_AGE = "年龄是驿站免费入住的条件之一（{max_age}周岁及以下），超过了就没法免费入住了。有其他情况可以回复“转人工”咨询工作人员。"
ELIGIBLE_ONCE_MET = "{rule}符合这个条件的时候就可以预约，到时候回复“预约驿站”就行。"
NOT_YET_GRADUATED = "“含应届”指今年毕业的同学，还没毕业的暂时不能免费入住，毕业后欢迎再来预约。"
ASK_A_PERSON = "如有疑问可回复“转人工”。"
BOOKING_NOT_FOUND = "没有找到编号为{number}的预约。"
BOOKING_ALREADY_CANCELLED = "预约{number}已经取消过了。"
BOOKING_STARTED = "预约{number}已过入住日期，不能取消。如需帮助请回复“转人工”。"
BOOKING_ENDED = "预约{number}的入住已经结束，不能再修改。如需帮助请回复“转人工”。"
BOOKING_ALT_DATE = "{station}{day}入住有空床"
AVAILABILITY = "{day}（{weekday}）入住：{items}。"
AVAILABILITY_STAY = "{day}（{weekday}）入住、住{nights}晚：{items}。"  # beds free every night of the stay
AVAILABILITY_SMALL_HOURS = "现在已经过了零点，今天白天和明天的都给您列出来：\n"  # "明天能住吗" typed at 00:30
AVAILABILITY_FREE = "{station}还有{beds}张空床"
AVAILABILITY_FULL = "{station}已约满"
STAY_FREE = "{station}{day}起住{nights}晚，目前还有空床位。"
AVAILABILITY_CLOSED = "{station}暂停接待"
AVAILABILITY_BOOK = "\n要预约的话，点“{chip}”或回复“预约驿站”。"
AVAILABILITY_BOOK_EITHER = "\n要预约的话，点下面对应的日期或回复“预约驿站”。"
CHIP_BOOK_DAY = "预约驿站 {day}"
BOOKING_ALT_STATION = "{station}{day}有空床"
BOOKING_ALTERNATIVES = "可以考虑：{items}。"
BOOKING_TAKE_OTHER_STATION = "想换驿站的话，直接回复驿站名称即可。"
BOOKING_RESTART = "好的，重新开始预约，{kept}沿用刚才填写的。\n"
KEPT_NAME, KEPT_PHONE, KEPT_AND = "姓名", "手机号", "和"
BOOKING_START = "好的，帮您预约青年人才驿站免费住宿（最多{max}晚）。随时回复“取消”可退出。\n"
ASK_STATION = "请选择驿站（回复序号或名称）：\n{stations}"
ASK_STATION_AGAIN = "请选择驿站，回复序号或名称：{stations}"  # asked again: the names only, on one line
STATION_AGAIN_JOIN = "；"
BOOKING_UNTIL_PERIOD = "住到{said}的话，请问哪天入住？（免费住宿每次最多{max}晚）"
STATION_WHERE = "资料里没有写各驿站到别的地方有多远，下面是它们的地址，可以在地图上查一下哪个离您要去的地方近：\n"
ASK_CHECK_IN = "请问哪天入住？可以回复“明天”“下周一”“{example}”等（可预约{days}天内）。"
ASK_ONE_OF_DAYS = "请回复{days}。"  # after "…还是…，选哪天入住呢？": the days asked about, as the quick replies
DAYS_ONE_OF_JOIN = "或"
DAY_QUOTED = "“{day}”"
ASK_NIGHTS = "打算住几晚？（1到{max}晚）"
ASK_NAME = "请告诉我入住人的姓名。"
ASK_PHONE = "请留一个联系手机号（11位）。"
ASK_SAME_PERSON = "入住人还用{name}、手机{phone}吗？回复“是”沿用；要换的话，直接告诉我新的姓名或手机号。"
SAME_PERSON_AGAIN = "请回复“是”沿用上次的姓名和手机号，或者直接告诉我新的姓名或手机号。"
ANSWER_YES_NO = "请回复“是”或“否”。"
ANSWER_YES_NO_OR_AGE = "请回复“是”或“否”，也可以直接告诉我您的年龄（如“25岁”）。"
ANSWER_YES_NO_OR_GRADUATION = "请回复“是”或“否”，也可以直接告诉我毕业年份（如“{year}年毕业”）。"
BAD_STATION = "没有找到这个驿站，请回复列表中的序号。"
BAD_DATE = "没看懂这个日期，可以说“明天”“下周一”“12月3日”或“12.3”。"
BOOKING_SPEAKER_NAME = "{name}您好！预约登记的是入住人本人的信息，入住时要核对身份证。"
BOOKING_SUMMARY = ("请确认预约信息：\n驿站：{station}\n入住：{check_in}（{weekday}），共{nights}晚\n姓名：{name}\n手机：{phone}\n"
                   "信息无误请回复“确认”；需要修改可回复“改日期”“改手机号”等。")
CONFIRM_HINT = "回复“确认”提交预约，或告诉我要修改的内容（如“改日期”）。\n"
FORM_ANSWERS_IN_ORDER = "好的，{count}个问题的回答都按顺序记下了。\n"
WHY_CONTACT = "姓名请填实际入住人的，入住时要凭本人身份证核对；手机号用来联系您，不会用作其他用途。"
FORM_UNDO_HINT = "\n如果是选错了，回复“重新选”即可。"
FORM_ANSWER_AGAIN = "好的，请重新回答：\n"
FORM_CHANGED = "已更新：{items}。\n"
FORM_NOTED = "已记下：{items}。\n"
FORM_SAME = "好的，还是{items}。\n"
FORM_PAUSED = "您正在填的{title}还没有提交，先帮您保留着，之后回复“继续{title}”就能接着填。"
FORM_RESUMED = "好的，接着刚才的{title}。\n"
FORM_UNDER_WAY = "好的，正在帮您{title}，接着往下填就行。\n"
FORM_GIVEN_UP_KEPT = "刚才填的{title}信息先帮您记着，改主意了回复“继续{title}”就行。"
FORM_RESTORED = "好的，还按刚才的{title}：{items}。\n"
FORM_NOT_DONE = "刚才这个{title}还没有提交，先把它完成吧，提交后再办下一个。"
FORM_OFFER_STOP = "暂时不想{title}的话，回复“取消”就行。"
FORM_ENDED = "好的，这次{title}就先到这里。如有疑问可以回复“转人工”。"
BOOKING_TITLE = "预约"
# A statement of one's situation that asks nothing ("我儿子今年大学毕业"): heard, and what may be asked.
SITUATION_NOTED = "好的，了解了。想问什么可以直接问我，比如人才政策，或者预约青年人才驿站免费住宿。"
STAY_TOO_LONG = "驿站每次最多免费住{max}晚，住不了那么久；可以先预约{max}晚。"  # "能住一个月吗"
BOOKING_TOPIC = "驿站"  # what a question asked while booking is about when it names nothing of the service
SHOW_CHECK_IN = "{day}（{weekday}）入住"
HOW_TO_CHANGE_CHECK_IN = "想改入住日期的话，直接告诉我新日期就行，比如“改成后天”。"
SHOW_NIGHTS = "住{nights}晚"
SHOW_NAME = "姓名{name}"
SHOW_PHONE = "手机{phone}"
ONLY_ONE_STATION = "目前只有一个驿站可选。\n"
BOOKING_DONE = ("预约成功！预约编号：{number}\n{station}，{check_in}入住，共{nights}晚。\n"
                "入住时请携带身份证。如需取消，回复“取消预约 {number}”。")
NO_STATIONS = "驿站暂时没有开放预约，请稍后再试，或回复“转人工”咨询。"
NO_BOOKINGS_YET = "您还没有驿站预约。"
NO_BOOKINGS = NO_BOOKINGS_YET + "回复“预约驿站”即可预约免费住宿。"
BOOKINGS_GO_WITH_ACCOUNT = ("预约是跟着预订时用的微信号（网页上是当时的浏览器）记录的，不能按手机号查；"
                            "别的微信订的预约，请在那个微信里查看或取消。")
ACCOUNT_HAS_NO_BOOKINGS = "这个账号下还没有驿站预约。"
BOOKING_NOT_SUBMITTED = "这次预约还没有提交，完成下面这一步就好。"
MY_BOOKINGS = "您的预约：\n{lines}"
# "确认预约" after the booking was made: nothing waits for a 确认 (user test 25 got how to book)
BOOKING_ALREADY_CONFIRMED = "您的预约已经成功了，不用再确认～\n"
MY_BOOKINGS_CANCEL_HINT = "\n如需取消，回复“取消预约 {number}”。"
MY_BOOKINGS_PICK_HINT = "\n如需取消，回复“取消”加序号（如“取消第一个”），或“取消预约 编号”。"
BOOKINGS_PICKED = "您选的是：\n{lines}"
PICKED_WHAT_NEXT = "需要取消的话，回复“取消”（取消前会请您确认）；想换日期，请先取消，再回复“预约驿站”约新的日期。"
PICKED_ALREADY_CANCELLED = "这个预约已经取消了，需要的话可以回复“预约驿站”重新预约。"
BOOKING_LINE = "{number} {station} {check_in}入住 {nights}晚（{status}）"
STATION_CHOICE = "{name}（{address}）"  # an item of LIST_CHOICE
# How a day is written to people ("12月3日"; with the year where a booking is confirmed).
DAY = "{month}月{day}日"
DAY_WITH_YEAR = "{year}年{month}月{day}日"
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
LIST_PICK_CHIP = "第{n}个"  # a quick reply picking from a numbered list
# About the one booking just shown: "几号退房", "在哪个驿站".
BOOKED_CHECK_OUT = "预约{number}：{check_in}入住，住{nights}晚，{check_out}（{weekday}）退房。"
BOOKED_STATION_AT = "预约{number}在{station}，地址：{address}。"
RESCHEDULE_WHICH = "您有{count}个预约：\n{lines}\n要改哪个？回复序号就行（如“第一个”）。"
CANCEL_WHICH = "您有{count}个预约：\n{lines}\n要取消哪个？回复序号（如“第一个”）；取消多个可回复“取消预约 {numbers}”或“全部取消”。"
# One item of a numbered list: the one way the bot numbers anything (stations, bookings, the
# answers to several questions), so "1." always reads the same and "第一个" or "1" picks it.
LIST_CHOICE = "{n}. {item}"
CANCEL_ITEM = "{number} {station} {check_in}入住 {nights}晚"
LIST_ONLY_ONE = "您只有一个预约，没有第{n}个。"
LIST_NO_SUCH_CHOICE = "列表里没有第{n}个，请回复1到{count}之间的序号。"
NO_SUCH_BOOKING = "没有找到{what}的预约。\n"
NUMBER_PLACEHOLDER = "编号"  # where a booking number goes when the user has several
RESCHEDULE_HOW = ("预约不能直接改日期：先回复“取消预约 {number}”取消原预约，再回复“预约驿站”约新的日期"
                  "（新日期和原预约不重叠时，也可以先约新的、再取消旧的）。")
# Another station or other nights for a booking made: the same way, said of what is changed.
RESCHEDULE_OTHER = "预约不能直接改{what}：先回复“取消预约 {number}”取消原预约，再回复“预约驿站”重新预约就行。"
RESCHEDULE_STATION = "驿站"
# Changing a booking made, done for the user (user test 19: "溱湖那个改到下周二行不行" was told how to do it
# by hand, the station named taken for the change): the new stay confirmed first, then made in one step
# in which the old booking is cancelled only if the new one succeeds.
CHANGE_CONFIRM = ("帮您把预约{number}（{old}）改成：\n{station}，{check_in}入住，共{nights}晚。\n"
                  "回复“确认”即可修改（新预约成功后原预约才会取消）；回复“不改了”则保持原样。")
CHANGE_ASK_AGAIN = "要把预约{number}改成{check_in}入住、共{nights}晚吗？请回复“确认”或“不改了”。"
CHANGE_ASK_WHAT = ("可以帮您改预约{number}（{old}）。想改到哪天、住几晚或换哪个驿站？直接告诉我就行，"
                   "比如“改到{example}”“多住一晚”。")
CHANGE_DONE = ("改好了！新的预约编号：{number}\n{station}，{check_in}入住，共{nights}晚。\n"
               "原预约{old}已取消。入住时请携带身份证。")
CHANGE_FAILED = "没能改成：{reason}\n原预约{number}保持不变。"
CHANGE_KEPT = "好的，预约{number}保持不变。"
CHANGE_SAME = "这和原预约{number}一样，不用改哦。想改成什么样？"
SHOW_DAY_WEEKDAY = "{day}（{weekday}）"
CHANGE_PREVIOUS = "{station}，{check_in}入住，{nights}晚"
CHIP_CHANGE_KEEP = "不改了"
RESCHEDULE_NIGHTS = "入住晚数"
RESCHEDULE_PHONE = "手机号"
RESCHEDULE_NAME = "入住人姓名"
CONTACT_ASK_PHONE = "好的，预约{numbers}要改成哪个手机号？直接发11位手机号就行。"
CONTACT_ASK_NAME = "好的，预约{numbers}的入住人姓名要改成什么？请发和身份证上一致的姓名。"
CONTACT_CONFIRM = "帮您把预约{numbers}的{what}从{old}改为{new}，入住日期和驿站不变。\n确认修改请回复“确认”，不改了回复“不改了”。"
CONTACT_ASK_AGAIN = "要修改预约{numbers}吗？请回复“确认”或“不改了”。"
CONTACT_DONE = "改好了！预约{numbers}的{what}已改为{new}，预约编号、驿站和入住日期都不变。"
CONTACT_SAME = "预约{numbers}的{what}已经是{new}了，不用改哦。"
CONTACT_WHICH = "这几个预约的入住人不一样，要改哪个？可以说“{day}那个名字改成王芳”这样。"
CONTACT_OTHER_GUEST = ("换成别人入住的话，需要入住人本人用自己的微信重新预约（入住条件要本人确认）。"
                       "原预约不需要了可以回复“取消预约 {number}”。")
CANCEL_CONFIRM_MANY = "确定要取消以下{count}个预约吗？\n{lines}\n回复“确认”即可全部取消，回复“保留预约”则都不取消。"
CANCELLED = "预约{number}已取消。欢迎下次再来！"
CANCEL_CONFIRM = "确定要取消预约{number}（{station}，{check_in}入住）吗？回复“确认”即可取消，回复“保留预约”则不取消。"
CANCEL_KEPT = "好的，预约{number}保留不变。"
# A cancel and a new booking asked in one message ("把明天那个取消掉 重新订一个总站后天的"): both done (user
# test 16 lost the new one)
CANCEL_THEN_BOOK_NOTED = "确认取消后，接着帮您预约新的。"
CANCELLED_THEN_BOOK = "预约{number}已取消，接着帮您预约新的。"
CANCEL_ASK_AGAIN = "预约{number}还没有取消。要取消请回复“确认”，不取消请回复“保留预约”。"
API_BAD_DATE = "日期格式应为YYYY-MM-DD。"
API_BOOKING_FIELDS = "请填写完整：station、check_in（YYYY-MM-DD）、nights、name、phone、answers。"

# ---------------------------------------------------------------- staff console
LOGIN_FAILED = "用户名或密码错误。"
LOGIN_WAIT = "尝试次数过多，请{seconds}秒后再试。"
LOGIN_LOCKED = "账号已被临时锁定，请{minutes}分钟后再试。"
LOGIN_TOO_MANY = "登录失败次数过多，请稍后再试。"
CSRF_FAILED = "页面已过期或请求无效，请刷新页面后重试。"
FORBIDDEN = "您没有权限访问这个页面。"
BOOKING_CANCELLED_BY_STAFF = "您的驿站预约{number}已被工作人员取消，原因：{reason}。如有疑问请回复“转人工”。"

# ---------------------------------------------------------------- tickets
TICKET_CONFIRM_SHORT = "您要反映的问题是“{text}”吗？回复“是”提交给工作人员，也可以再补充几句，说得越具体回复越快。"
TICKET_DESCRIBE = "请用一两句话描述您的问题，我会转给工作人员。（回复“取消”可退出）"
TICKET_ASK_TEXT = "好的，" + TICKET_DESCRIBE
TICKET_NOT_SUBMITTED = "您的工单还没有提交，完成下面这一步就好。"
TICKET_OPENED = "已为您登记工单，编号{number}。工作人员会尽快在这里回复您，回复“我的工单”可查看进度。"
TICKET_UNDO_HINT = "如果不需要，回复“撤回工单”即可。"
TICKET_NOT_FOUND = "没有找到工单{number}。"
TICKET_IS_CLOSED = "工单{number}已关闭。"
TICKET_REPLY = "【工单{number}回复】{text}\n（还有疑问直接回复我就行，我会转给工作人员。）"
TICKET_REOPENED = "已重新打开工单{number}，把您的情况转给工作人员了，他们会在这里回复您。"
THANKS_AFTER_REPLY = "不客气！工单{number}还有疑问的话，直接在这里说就行，我会转给工作人员。"
THANKS_CLOSED = "不客气！还有问题随时问我。"
TICKET_WAIT_ACK = "好的，工作人员回复后我会第一时间在这里转给您，回复“我的工单”也能随时查看进度。"
TICKET_FOLLOWUP_SENT = "已把您的补充转给工作人员（工单{number}），他们会在这里回复您。"
TICKET_OFFER_FOLLOWUP = "要把这句话补充到您的工单{number}吗？回复“是”就转给处理这个工单的工作人员；是新问题的话，回复“转人工”。"
TICKET_FOLLOWUP_EMPTY = "请在“补充工单”后面写上要补充的内容，例如：补充工单 下周几发放？"
TICKET_WITHDRAWN = "已撤回工单{number}，工作人员不会再处理它。还有问题随时问我。"
TICKET_WITHDRAWN_NOTE = "（用户已撤回）"
TICKET_WITHDRAWN_LABEL = "已撤回"  # the status 我的工单 shows for a ticket the user took back
TICKET_WITHDRAW_NONE = "您目前没有可以撤回的工单。"
TICKET_FOLLOWUP_NONE = "您目前没有进行中的工单。需要人工帮助的话，回复“转人工”。"
TICKET_CLOSED_NOTE = "您的工单{number}已处理完毕并关闭。还有问题随时问我。"
NO_TICKETS_YET = "您还没有工单。"
NO_TICKETS = NO_TICKETS_YET + "需要人工帮助时回复“转人工”。"
MY_TICKETS = "您的工单：\n{lines}"
TICKET_WAITING_FOR_STAFF = "工作人员会尽快在这里回复您，有回复时我会第一时间转给您。"
COMPLAINT_TICKET_WAITING = "抱歉让您久等了。您的工单{number}还在等工作人员处理，他们会尽快在这里回复您。\n"
TICKET_LINE = "{number}（{status}）{text}"
# A call asked for ("能不能直接打电话给我", "给我个电话吧"): the assistant can neither call nor give a number.
CONTACT_TICKET = ("我这里没法打电话，也发不了工作人员的电话。可以把您的手机号补充到工单{number}里，工作人员需要时会打给您："
                  "直接把手机号发给我就行。")
CONTACT_NO_TICKET = ("我这里没法打电话，也发不了工作人员的电话。可以把您的问题转给工作人员，他们会在这里回复您，"
                     "需要的话也可以留下手机号请他们回电。需要我帮您转给工作人员吗？回复“需要”或“转人工”就行。")
CONTACT_PHONE_NEXT = "\n需要电话联系的话，直接把手机号发给我，我补充到工单里。"
CONTACT_IN_FLOW = "我这里没法打电话，也发不了工作人员的电话；办完这一步后回复“转人工”，工作人员会在这里回复您。"
CONTACT_NOTE = "请电话联系我：{phone}"  # what the ticket is added (staff read it)
CONTACT_DETAILS_ADDED = "好的，已把您的联系方式补充到工单{number}，工作人员需要时会联系您。"
CONTACT_PHONE_ADDED = "好的，已把手机号{phone}补充到工单{number}，工作人员需要时会打给您。"
TICKET_LATEST_REPLY = "  最新回复：{text}"

BUSY = "系统繁忙，请稍后再发一次。"

# ---------------------------------------------------------------- tickets (more)
TICKET_EMPTY_TEXT = "请写一下具体内容。"
TICKET_NO_NUMBER = "暂时无法登记工单，请稍后再试。"
TICKET_CLOSED_WITH_REASON = "您的工单{number}已处理完毕并关闭（说明：{reason}）。还有问题随时问我。"
TICKET_STATUS_LABELS = {"open": "待处理", "answered": "已回复", "closed": "已关闭"}
TICKET_CATEGORY = "咨询"  # what a ticket is filed under (staff see it)

# ---------------------------------------------------------------- knowledge-base jobs (console)
JOB_COUNTS = {"added": "新增{n}个", "updated": "更新{n}个", "removed": "删除{n}个", "skipped": "跳过{n}个"}
JOB_UNCHANGED = "文档内容没有变化，索引无需更新。"
JOB_LIVE = "新索引（第{generation}版）已生效。"
COVERAGE_WARNING = "《{doc}》只有{pct}%的内容进入了索引，以下内容没有作为正文收录（多为被设成标题样式的段落）：{lines}"
JOB_FAILED = "索引没有更新：{reason}"
JOB_INTERRUPTED = "任务中断了，请重试。"
JOB_MISSING = "没有这个任务。"
# Why ingest refused a file (ingest/loaders.py and ingest/pipeline.py say it in English, for the CLI):
# the console shows it in Chinese. First matching prefix wins ({detail}: what follows it, up to a colon);
# anything else is shown as it is.
DOC_REASONS = (
    ("old Office format", "旧版 Office/WPS 文件（{detail}），请另存为 .docx、.xlsx 或 PDF 后再导入"),
    ("unsupported file type", "不支持的文件类型：{detail}"),
    ("file too large", "文件太大（{detail}）"),
    ("file is empty", "文件是空的"),
    ("cannot read file", "无法读取文件"),
    ("cannot decode text", "无法识别文字编码"),
    ("PDF is encrypted", "PDF 有密码保护"),
    ("PDF has no extractable text", "PDF 里没有可提取的文字（可能是扫描件）"),
    ("not a valid DOCX", "不是有效的 Word（.docx）文件（可能是改了扩展名的旧 .doc）"),
    ("not a valid", "不是有效的{detail}文件（文件已损坏或格式不对）"),
    ("no text found", "文件里没有文字"),
    ("no text left after cleaning", "清理后没有剩下正文"),
    ("another document with the same file name", "同一批里有同名文件"),
    ("no such document", "索引里没有这个文档"),
    ("build failed", "建立索引失败"),
)
# The service document (bot/service_doc.py): the booking rules, indexed so that answers cite them.
SERVICE_DOC_TITLE = "驿站预约须知"
SERVICE_DOC_STATIONS = "驿站地址和床位"
SERVICE_DOC_STATION = "{name}{where}共有{beds}张床位，为青年人才提供免费住宿。{rules}"
SERVICE_DOC_ADDRESS = "地址在{address}，"
SERVICE_DOC_ELIGIBILITY = "入住条件"
SERVICE_DOC_ANYONE = "青年人才驿站为来求职、创业的青年人才提供免费住宿。"
SERVICE_DOC_STAY = "免费住宿能住多久"
SERVICE_DOC_NIGHTS = "青年人才驿站免费住宿每次最多{nights}晚（{nights}天），可以预约{days}天内的入住日期。"
SERVICE_DOC_HOW_TITLE = "怎么预约和取消"
SERVICE_DOC_HOW = ("在公众号或网页聊天里回复“预约驿站”，按提示选择驿站、入住日期和晚数，回答几个是否问题，再留下姓名和手机号即可预约，"
                   "预约成功会收到预约编号。回复“我的预约”查看预约，回复“取消预约”加预约编号可在入住日前取消。")

# ---------------------------------------------------------------- standard answers (console)
FAQ_BAD_QUESTION = "问题不能为空，且不超过{max}字。"
FAQ_BAD_ANSWER = "答案不能为空，且不超过{max}字。"
FAQ_NO_SUCH_ENTRY = "没有编号为{id}的标准问答。"
FAQ_IMPORT_TOO_FEW_COLUMNS = "第{line}行：至少需要“问题,答案”两列。"
FAQ_IMPORT_BAD_LINE = "第{line}行：{problem}"
FAQ_SAVED = "已保存标准答案：{question}"
FAQ_SAME_AS = ("注意：它和已有的标准答案“{other}”（编号{id}）意思相同，用户这样问时只会用到其中一条。"
               "请把两条合并（把问法加到一条的“其他问法”里），再停用或删除另一条。")
FAQ_ENABLED = "已启用：{question}"
FAQ_DISABLED = "已停用：{question}"
FAQ_DELETED = "已删除：{question}"
FAQ_MISSING = "没有找到这条标准答案。"

# ---------------------------------------------------------------- console notices (flash)
UPLOAD_CHOOSE_FILE = "请选择要上传的文件。"
UPLOAD_BAD_TYPE = "《{name}》没有上传：不支持的文件类型：{suffix}（支持 {formats}）。"
UPLOAD_OLD_OFFICE = "《{name}》没有上传：{suffix} 是旧版 Office/WPS 格式，请先另存为 {target} 再上传。"
UPLOAD_TITLE_ONE_FILE = ("一次选了{count}个文件，标题只能给一个文档：请清空“标题”再上传（标题会从各自正文识别），"
                         "或一个一个上传。")
UPLOAD_BATCH_TOO_LARGE = "这次选的{count}个文件合计{size}MB，一次上传合计不能超过{mb}MB，请分几次上传。"
NO_SUFFIX = "无扩展名"  # in UPLOAD_BAD_TYPE, for a file name without one
DOC_DELETE_FAILED = "删除失败：{reason}"
DOC_DELETED = "已删除《{title}》（{doc}）。"
DOC_MISSING = "没有找到这个文档。"
DOC_REPLACE_NAME_TAKEN = ("没有替换：知识库里已有另一个文档叫“{name}”，用它替换“{doc}”会覆盖那个文档。"
                          "要更新“{name}”，请在它那一行点“替换”；否则请先给新文件改个名字。")
NOTHING_TO_REINDEX = "没有可以重建的文档。"
DOC_ENABLED = "已启用《{doc}》，它会重新参与回答。"
DOC_DISABLED = "已停用《{doc}》：文件保留，但不再参与回答。"
DOC_DATES_SAVED = "已保存《{doc}》的生效和失效日期。"
DOC_DATES_BAD = "日期格式不对，请用 2027-01-31 这样的格式。"
DOC_DATES_ORDER = "失效日期不能早于生效日期。"
DOC_CHANGE_FAILED = "没有保存：{reason}"
DOC_NO_ORIGINAL = "原始文件已不在服务器上。"
DOC_META_UNCHANGED = "没有改动，文档信息保持原样。"
DOC_YEAR_BAD = "年份请写成 2025 或 2014-2016 这样的格式。"
DOC_META_NO_ORIGINAL = "原始文件已不在服务器上，改不了文档信息；请重新上传这份文档。"
VERSION_MISSING = "没有找到这个历史版本。"
VERSION_NAME_TAKEN = "没有回滚：这个版本的文件名“{name}”现在是另一个文档的，回滚会覆盖它。请先处理那个文档。"
# the status column of the document list
DOC_STATUS = {"indexed": "已索引", "coverage": "覆盖率警告", "disabled": "已停用", "expired": "已过期",
              "pending": "未生效"}
DOC_FAILED = "失败（{reason}）"
DOC_LAST_FAILED = "上次上传失败（{reason}），仍在使用这一版。"
DOC_SIMILAR = "与《{title}》高度相似（{pct}%）"
INDEX_MISSING_CONSOLE = "知识库还没有建立索引。"
UNANSWERED_HANDLED = "已标记{count}个问题为已处理。"
UNANSWERED_NONE_PICKED = "请先勾选要标记为已处理的问题。"
UNANSWERED_RERUN = "已重新检索{count}个问题，其中{found}个现在可以回答。"
STATION_BAD_BEDS = "床位数应为0到10000之间的整数。"
STATION_BAD_CLOSED_DATES = "暂停接待日期“{date}”不是有效日期：格式应为YYYY-MM-DD，多个日期用逗号或换行分隔。"
STATION_NAME_MISSING = "请填写驿站名称。"
STATION_BAD_ID = "编号只能用小写字母、数字、-和_（2到64位）。"
STATION_ID_TAKEN = "这个编号已经存在。"
STATION_BEDS_BELOW_BOOKED = "{month}月{day}日已有{booked}个预约，床位数不能少于{needed}。"
STATION_CLOSING_BOOKED_DAY = "{month}月{day}日已有{booked}个预约，请先在预约列表中取消这些预约（会通知预约人），再关闭这一天。"
STATION_ADDED = "已添加驿站：{name}。"
SAVED = "已保存。"
CANCEL_REASON_NEEDED = "请填写取消原因，系统会告知预约人。"
STAFF_CANCELLED_BOOKING = "已取消预约{number}，并已通知预约人。"
STAFF_FORM_INCOMPLETE = "请填写用户名并选择角色。"
PASSWORD_TOO_SHORT = "至少{min}个字符"
PASSWORD_NEEDS_LETTERS_AND_DIGITS = "请同时包含字母和数字"
STAFF_WEAK_PASSWORD = "密码不符合要求：{problem}。"
STAFF_EXISTS = "该用户名已存在。"
STAFF_CREATED = "已创建账号 {name}。"
TICKET_REPLY_EMPTY = "请填写回复内容。"
TICKET_REPLIED_PUSHED = "已回复，已通过公众号客服消息发送给用户。"
TICKET_REPLIED_QUEUED = "已回复，用户下次打开对话时会看到。"
TICKET_CLOSED_BY_STAFF = "工单已关闭，并已告知用户。"
STAFF_PASSWORD_RESET = "已重置 {name} 的密码，该账号的登录都已失效。"
STAFF_ROLE_CHANGED = "已修改 {name} 的角色。"
STAFF_UNLOCKED = "已解锁 {name}。"
OWN_PASSWORD_WRONG = "当前密码不正确。"
OWN_PASSWORD_MISMATCH = "两次输入的新密码不一致。"
OWN_PASSWORD_CHANGED = "密码已修改，这个账号在其他地方的登录都已失效。"
TICKET_NOTE_EMPTY = "请填写备注内容。"
TICKET_NOTE_ADDED = "已添加内部备注（仅工作人员可见，不会发给用户）。"
TICKET_ASSIGNED = "已分配给 {name}。"
TICKET_UNASSIGNED = "已取消分配。"
TICKET_ASSIGNEE_INVALID = "只能分配给在职的客服或管理员账号。"
TICKET_WAITING = "已等待{duration}"
TICKET_FIRST_RESPONSE = "首次回复用时{duration}"
TICKET_NO_RESPONSE = "未回复即关闭"
DURATION_MINUTES = "{n}分钟"
DURATION_HOURS = "{n}小时"
DURATION_DAYS = "{n}天"

# ---------------------------------------------------------------- feedback on answers
FEEDBACK_DOWN = "抱歉这个回答没帮上忙，已记下您的反馈，我们会改进。需要我帮您转给工作人员吗？回复“是”或“转人工”即可。"
FEEDBACK_NOTHING_TO_RATE = "抱歉没帮上忙。您可以换个说法再问一次，或回复“转人工”联系工作人员。"
FEEDBACK_BAD_VALUE = "评价只能是 up 或 down。"
FEEDBACK_UNKNOWN_ANSWER = "没有找到这条回答。"


# ---------------------------------------------------------------- quick replies (chips)
# A chip sends its own text when tapped: each is a word the dialogue recognises (config.yaml's
# intents, the flows' confirm and yes/no patterns), so a change here is a change there too.
CHIP_TICKET = "转人工"
CHIP_BOOK = "预约驿站"
CHIP_MY_BOOKINGS = "我的预约"
CHIP_MY_TICKETS = "我的工单"
CHIP_WITHDRAW_TICKET = "撤回工单"
CHIP_CONFIRM = "确认"
CHIP_CANCEL = "取消"
CHIP_CHANGE_DATE = "改日期"
CHIP_KEEP_BOOKING = "保留预约"
CHIP_CANCEL_BOOKING = "取消预约 {number}"
CHIP_CANCEL_ALL = "全部取消"
CHIP_YES, CHIP_NO = "是", "否"
CHIP_REDO = "重新选"
CHIP_RESUME = "继续{title}"  # going back to a form put aside ("继续预约": a keyword of the booking intent)
CHECK_IN_CHIPS = ["明天", "后天", "下周一"]
NIGHTS_CHIPS = ["1晚", "2晚", "3晚"]
# The quick replies offered where a conversation starts (web chat page, welcome, help, greeting).
START_ACTIONS = ["人才公寓有多少套", "驿站能免费住吗", CHIP_BOOK, CHIP_TICKET]
OFF_TOPIC_ACTIONS = START_ACTIONS[:3]  # what the assistant does, without the offer of a person
FAQ_SOURCE_TITLE = "标准问答"  # the source line of an answer a standard answer gave

# ---------------------------------------------------------------- labels the console shows
TICKET_OWNER_FILTERS = {"mine": "我的工单", "unassigned": "未分配"}
RATING_LABELS = {"up": "👍 好评", "down": "👎 差评"}
CHANNEL_LABELS = {"wechat": "微信", "web": "网页", "api": "API"}
YES, NO = "是", "否"
BOOKING_STATUS_LABELS = {"active": "已预约", "cancelled": "已取消"}
CSV_LOG_HEADER = ["时间", "渠道", "用户", "问题", "回复", "来源文档", "找到答案", "标准问答编号", "评价"]
CSV_BOOKINGS_HEADER = ["预约编号", "驿站", "入住日期", "晚数", "姓名", "手机", "状态", "预约时间", "取消原因"]


# This deployment's words (config: dialogue.district, assistant_name, topics) in the messages above
# that name them. Filled in when the app starts: one process serves one deployment.
_DEPLOYMENT_WORDS = ("{district}", "{assistant}", "{topics}")
_TEMPLATES = {name: text for name, text in globals().items()
              if isinstance(text, str) and name.isupper() and any(w in text for w in _DEPLOYMENT_WORDS)}


def use_deployment_words(district: str, assistant: str, topics: str) -> None:
    """Say the place, the assistant's name and the topics of this deployment in every message
    naming them ("祝您在姜堰一切顺利"); placeholders filled later (``{place}``) are left as they are."""
    for name, template in _TEMPLATES.items():
        globals()[name] = (template.replace("{district}", district).replace("{assistant}", assistant)
                           .replace("{topics}", topics))


_GENERIC = DialogueConfig()  # config's defaults, until an app says whose deployment it is
use_deployment_words(_GENERIC.district, _GENERIC.assistant_name, _GENERIC.topics)

# The audit log (操作日志): what each recorded action and detail is called on the console page.
AUDIT_ACTIONS = {
    "login": "登录", "login.failed": "登录失败", "login.locked": "账号锁定", "logout": "退出登录",
    "doc.upload": "上传文档", "doc.upload.result": "上传结果", "doc.replace": "替换文档",
    "doc.replace.result": "替换结果", "doc.delete": "删除文档", "doc.reindex": "重建索引",
    "doc.enable": "启用文档", "doc.disable": "停用文档", "doc.dates": "修改文档日期",
    "doc.rollback": "回滚文档", "doc.rollback.result": "回滚结果",
    "faq.add": "新增标准答案", "faq.edit": "修改标准答案", "faq.enable": "启用标准答案",
    "faq.disable": "停用标准答案", "faq.remove": "删除标准答案", "faq.import": "导入标准答案",
    "unanswered.handled": "未答问题标为已处理", "log.export": "导出对话记录", "log.prune": "清理对话记录",
    "station.seed": "初始化驿站", "station.create": "新增驿站", "station.update": "修改驿站",
    "bookings.export": "导出预约", "booking.create": "预约", "booking.cancel": "取消预约",
    "staff.create": "新建账号", "staff.enable": "启用账号", "staff.disable": "停用账号",
    "staff.password": "重设密码", "staff.role": "修改角色", "staff.unlock": "解锁账号",
    "ticket.open": "提交工单", "ticket.reply": "回复工单", "ticket.note": "工单备注",
    "ticket.assign": "分配工单", "ticket.followup": "补充工单", "ticket.withdraw": "撤回工单",
    "ticket.close": "关闭工单",
}
AUDIT_KEYS = {
    "address": "地址", "reason": "原因", "size": "大小（字节）", "new": "新", "old": "原", "ok": "成功",
    "beds": "床位", "name": "名称", "rules": "须知", "active": "开放预约",
    "closed_dates": "暂停接待日期", "role": "角色", "by": "操作人", "question": "问题", "ids": "编号",
    "documents": "文档数", "version": "版本", "station": "驿站", "chars": "字数", "category": "类别",
    "failures": "失败次数", "days": "天数", "deleted": "删除条数", "file": "文件", "effective": "生效日期",
    "expires": "失效日期", "from": "从", "to": "到", "notfound": "未找到答案", "down": "差评",
    "doc": "文档", "faq": "标准答案", "channel": "渠道", "check_in": "入住", "nights": "晚数",
}
AUDIT_ACTORS = {"cli": "命令行", "config": "配置文件", "user": "用户 {who}"}
AUDIT_VALUES = {True: "是", False: "否", None: "无", "self": "本人"}
