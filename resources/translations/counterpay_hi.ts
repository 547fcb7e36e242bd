<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AccessControl</name>
    <message>
        <source>see sales before today</source>
        <translation>आज से पहले की बिक्री देखना</translation>
    </message>
    <message>
        <source>give refunds</source>
        <translation>धनवापसी देना</translation>
    </message>
    <message>
        <source>export sales</source>
        <translation>बिक्री निर्यात करना</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>सेटिंग्स बदलना</translation>
    </message>
    <message>
        <source>settle a payment whose outcome is unknown</source>
        <translation>अज्ञात परिणाम वाले भुगतान का निपटारा करना</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>ऑडिट लॉग देखना</translation>
    </message>
    <message>
        <source>Only a manager can %1. Enter the manager PIN first.</source>
        <translation>%1 केवल मैनेजर कर सकता है। पहले मैनेजर PIN डालें।</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Needs attention</source>
        <translation>ध्यान दें</translation>
    </message>
    <message>
        <source>Orders that need attention</source>
        <translation>ध्यान देने वाले ऑर्डर</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>स्थिति जाँचें</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>परिणाम अज्ञात</translation>
    </message>
    <message>
        <source>Charged after cancel: refund in the back office</source>
        <translation>रद्द करने के बाद भुगतान: बैक ऑफिस में धनवापसी करें</translation>
    </message>
    <message>
        <source>Paid after expiry</source>
        <translation>समय समाप्ति के बाद भुगतान</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>राशि मेल नहीं खाती</translation>
    </message>
    <message>
        <source>Ledger write failed</source>
        <translation>लेजर में लिखना विफल</translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>ध्यान दें (%1)</translation>
    </message>
    <message>
        <source>Gateway answered about another order</source>
        <translation>गेटवे ने किसी दूसरे ऑर्डर के बारे में जवाब दिया</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>Every manager action and login attempt, newest first.</source>
        <translation>मैनेजर का हर काम और हर लॉगिन प्रयास, सबसे नया पहले।</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>ताज़ा करें (&amp;F)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>कौन</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>The newest %1 entries.</source>
        <translation>सबसे नई %1 प्रविष्टियाँ।</translation>
    </message>
    <message>
        <source>%1 entries.</source>
        <translation>%1 प्रविष्टियाँ।</translation>
    </message>
    <message>
        <source>Manager PIN accepted</source>
        <translation>मैनेजर PIN स्वीकार हुआ</translation>
    </message>
    <message>
        <source>Wrong manager PIN</source>
        <translation>गलत मैनेजर PIN</translation>
    </message>
    <message>
        <source>PIN refused (locked)</source>
        <translation>PIN अस्वीकार (लॉक है)</translation>
    </message>
    <message>
        <source>Manager PIN set</source>
        <translation>मैनेजर PIN सेट किया गया</translation>
    </message>
    <message>
        <source>Manager PIN changed</source>
        <translation>मैनेजर PIN बदला गया</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>लॉक किया गया</translation>
    </message>
    <message>
        <source>Locked when idle</source>
        <translation>कुछ न करने पर लॉक हुआ</translation>
    </message>
    <message>
        <source>Refused: manager only</source>
        <translation>अस्वीकार: केवल मैनेजर</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>सेटिंग्स बदली गईं</translation>
    </message>
    <message>
        <source>Gateway keys replaced</source>
        <translation>गेटवे कुंजियाँ बदली गईं</translation>
    </message>
    <message>
        <source>Credential changed</source>
        <translation>क्रेडेंशियल बदला गया</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>निर्यात किया गया</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>निर्यात विफल</translation>
    </message>
    <message>
        <source>Unknown payment settled</source>
        <translation>अज्ञात भुगतान का निपटारा किया गया</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>धनवापसी का अनुरोध किया गया</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>धनवापसी हो गई</translation>
    </message>
    <message>
        <source>Refund refused</source>
        <translation>धनवापसी अस्वीकार हुई</translation>
    </message>
    <message>
        <source>Refund outcome unknown</source>
        <translation>धनवापसी का परिणाम अज्ञात</translation>
    </message>
</context>
<context>
    <name>BackOfficeLauncher</name>
    <message>
        <source>CounterPay will use the new payment settings after a restart.</source>
        <translation>CounterPay दोबारा शुरू होने के बाद नई भुगतान सेटिंग्स इस्तेमाल करेगा।</translation>
    </message>
</context>
<context>
    <name>BackOfficeText</name>
    <message>
        <source>Created</source>
        <translation>बनाया गया</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>भेजा जा रहा है</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>ग्राहक की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान हो गया</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>समय समाप्त</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द किया गया</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>धनवापसी हो गई</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>आंशिक धनवापसी</translation>
    </message>
    <message>
        <source>%1 (refunded %2, net %3)</source>
        <translation>%1 (धनवापसी %2, शुद्ध %3)</translation>
    </message>
    <message>
        <source>Refund pending at the provider</source>
        <translation>धनवापसी प्रदाता के पास लंबित</translation>
    </message>
    <message>
        <source>Refund failed</source>
        <translation>धनवापसी विफल</translation>
    </message>
    <message>
        <source>Refund sent, no answer yet</source>
        <translation>धनवापसी भेजी गई, अभी जवाब नहीं आया</translation>
    </message>
    <message>
        <source>Refund outcome unknown</source>
        <translation>धनवापसी का परिणाम अज्ञात</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <source>CounterPay back office</source>
        <translation>CounterPay बैक ऑफिस</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>इतिहास (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;End of day</source>
        <translation>दिन का हिसाब (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>चार्ट (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reconciliation</source>
        <translation>मिलान (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>ऑडिट लॉग (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>सेटिंग्स (&amp;S)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>मैनेजर</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>लॉक करें (&amp;L)</translation>
    </message>
    <message>
        <source>Manager &amp;PIN…</source>
        <translation>मैनेजर &amp;PIN…</translation>
    </message>
    <message>
        <source>Enter the manager PIN to unlock the back office.</source>
        <translation>बैक ऑफिस खोलने के लिए मैनेजर PIN डालें।</translation>
    </message>
    <message>
        <source>Set up for real pa&amp;yments…</source>
        <translation>असली भुगतान के लिए सेट अप करें (&amp;Y)…</translation>
    </message>
    <message>
        <source>Leave the demo: connect this till to your payment providers</source>
        <translation>डेमो छोड़ें: इस काउंटर को अपने भुगतान प्रदाताओं से जोड़ें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Close the back office (Esc, Ctrl+W or F10)</source>
        <translation>बैक ऑफिस बंद करें (Esc, Ctrl+W या F10)</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>CounterPay</source>
        <translation>CounterPay</translation>
    </message>
    <message>
        <source>DEMO: payments go to the built-in sandbox. No money moves.</source>
        <translation>डेमो: भुगतान अंतर्निहित सैंडबॉक्स में जाते हैं। कोई पैसा नहीं कटता।</translation>
    </message>
    <message>
        <source>F1: keys and help</source>
        <translation>F1: कुंजियाँ और सहायता</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>cancelled by the cashier</source>
        <translation>कैशियर द्वारा रद्द</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>गेटवे: %1</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>रसीद सहेजी गई: %1</translation>
    </message>
    <message>
        <source>Back office (F10)</source>
        <translation>बैक ऑफिस (F10)</translation>
    </message>
    <message>
        <source>History, end of day, refunds and settings (manager PIN for most of it)</source>
        <translation>इतिहास, दिन का हिसाब, धनवापसी और सेटिंग्स (ज़्यादातर के लिए मैनेजर PIN चाहिए)</translation>
    </message>
    <message>
        <source>CounterPay is still starting; press Pay again in a moment.</source>
        <translation>CounterPay अभी शुरू हो रहा है; थोड़ी देर में फिर से “भुगतान करें” दबाएँ।</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>प्रिंट नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>Receipt sent to %1.</source>
        <translation>रसीद %1 पर भेजी गई।</translation>
    </message>
    <message>
        <source>Set up for real payments…</source>
        <translation>असली भुगतान के लिए सेट अप करें…</translation>
    </message>
    <message>
        <source>Press Esc again to cancel this payment. The customer may be approving it right now.</source>
        <translation>इस भुगतान को रद्द करने के लिए Esc फिर से दबाएँ। हो सकता है ग्राहक अभी इसे स्वीकृत कर रहा हो।</translation>
    </message>
    <message>
        <source>%1 has no QR code or payment page: the customer approves on their phone.</source>
        <translation>%1 में QR कोड या भुगतान पेज नहीं है: ग्राहक अपने फ़ोन पर ही स्वीकृत करता है।</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>ताज़ा करें (&amp;F)</translation>
    </message>
    <message>
        <source>Success rate per provider, last %1 days (paid of settled)</source>
        <translation>प्रदाता के अनुसार सफलता दर, पिछले %1 दिन (पूरे हुए भुगतानों में से सफल)</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान हो गया</translation>
    </message>
    <message>
        <source>Sales per hour today, net and gross (%1)</source>
        <translation>आज प्रति घंटा बिक्री, शुद्ध और सकल (%1)</translation>
    </message>
    <message>
        <source>Sales per day, last %1 days, net and gross (%2)</source>
        <translation>प्रति दिन बिक्री, पिछले %1 दिन, शुद्ध और सकल (%2)</translation>
    </message>
    <message>
        <source>Today %1 net (%2 gross) · last %3 days %4 net (%5 gross), %6 to %7</source>
        <translation>आज %1 शुद्ध (%2 सकल) · पिछले %3 दिन %4 शुद्ध (%5 सकल), %6 से %7</translation>
    </message>
    <message>
        <source>Net (after refunds)</source>
        <translation>शुद्ध (धनवापसी के बाद)</translation>
    </message>
    <message>
        <source>Gross (charged)</source>
        <translation>सकल (चार्ज की गई राशि)</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>राशि (%1)</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>CounterPay: customer display</source>
        <translation>CounterPay: ग्राहक स्क्रीन</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>देय राशि</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>स्वागत है</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>कृपया प्रतीक्षा करें…</translation>
    </message>
    <message>
        <source>Scan the code with your phone to pay</source>
        <translation>भुगतान के लिए अपने फ़ोन से कोड स्कैन करें</translation>
    </message>
    <message>
        <source>Approve the payment on your phone</source>
        <translation>अपने फ़ोन पर भुगतान स्वीकृत करें</translation>
    </message>
    <message>
        <source>Thank you! Payment received.</source>
        <translation>धन्यवाद! भुगतान प्राप्त हुआ।</translation>
    </message>
    <message>
        <source>The payment was not completed.</source>
        <translation>भुगतान पूरा नहीं हुआ।</translation>
    </message>
    <message>
        <source>DEMO: this code pays no one. Do not scan it with a real UPI app.</source>
        <translation>डेमो: यह कोड किसी को भुगतान नहीं करता। इसे किसी असली UPI ऐप से स्कैन न करें।</translation>
    </message>
    <message>
        <source>Scan with any UPI app to pay</source>
        <translation>भुगतान के लिए किसी भी UPI ऐप से स्कैन करें</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up CounterPay</source>
        <translation>CounterPay सेट अप करें</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>मैनेजर PIN</translation>
    </message>
    <message>
        <source>Refunds, exports, settings and history before today need this PIN. Choose 4 to 8 digits.</source>
        <translation>धनवापसी, निर्यात, सेटिंग्स और आज से पहले के इतिहास के लिए यह PIN चाहिए। 4 से 8 अंक चुनें।</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>New manager PIN</source>
        <translation>नया मैनेजर PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN दोबारा (&amp;A)</translation>
    </message>
    <message>
        <source>The manager PIN again</source>
        <translation>मैनेजर PIN दोबारा</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>आपकी दुकान</translation>
    </message>
    <message>
        <source>The name and address printed on receipts and reports.</source>
        <translation>रसीदों और रिपोर्टों पर छपने वाला नाम और पता।</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>दुकान का नाम (&amp;N)</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>दुकान का नाम</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>पता (&amp;A)</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>दुकान का पता</translation>
    </message>
    <message>
        <source>Where payments go</source>
        <translation>भुगतान कहाँ जाएँ</translation>
    </message>
    <message>
        <source>Demo plays every provider on this computer. Sandbox and Production need your gateway profile; the keys go to the system keychain, never to a file.</source>
        <translation>डेमो हर प्रदाता को इसी कंप्यूटर पर चलाता है। सैंडबॉक्स और प्रोडक्शन के लिए आपकी गेटवे प्रोफ़ाइल चाहिए; कुंजियाँ सिस्टम कीचेन में रखी जाती हैं, कभी किसी फ़ाइल में नहीं।</translation>
    </message>
    <message>
        <source>&amp;Demo (no real money, no internet)</source>
        <translation>डेमो (असली पैसा नहीं, इंटरनेट नहीं) (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Sandbox (the providers&apos; test systems)</source>
        <translation>सैंडबॉक्स (प्रदाताओं के टेस्ट सिस्टम) (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Production (real payments)</source>
        <translation>प्रोडक्शन (असली भुगतान) (&amp;P)</translation>
    </message>
    <message>
        <source>Gateway &amp;profile</source>
        <translation>गेटवे प्रोफ़ाइल (&amp;P)</translation>
    </message>
    <message>
        <source>/path/to/counterpay-profile.ini</source>
        <translation>/path/to/counterpay-profile.ini</translation>
    </message>
    <message>
        <source>Gateway profile file</source>
        <translation>गेटवे प्रोफ़ाइल फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें (&amp;B)…</translation>
    </message>
    <message>
        <source>Juspay API &amp;key</source>
        <translation>Juspay API कुंजी (&amp;K)</translation>
    </message>
    <message>
        <source>leave empty if not used</source>
        <translation>इस्तेमाल न हो तो खाली छोड़ें</translation>
    </message>
    <message>
        <source>Juspay API key</source>
        <translation>Juspay API कुंजी</translation>
    </message>
    <message>
        <source>CM.com client &amp;id</source>
        <translation>CM.com क्लाइंट &amp;ID</translation>
    </message>
    <message>
        <source>CM.com client id</source>
        <translation>CM.com क्लाइंट ID</translation>
    </message>
    <message>
        <source>CM.com client &amp;secret</source>
        <translation>CM.com क्लाइंट सीक्रेट (&amp;S)</translation>
    </message>
    <message>
        <source>CM.com client secret</source>
        <translation>CM.com क्लाइंट सीक्रेट</translation>
    </message>
    <message>
        <source>Google Pay service-account &amp;key file</source>
        <translation>Google Pay सर्विस-अकाउंट कुंजी फ़ाइल (&amp;K)</translation>
    </message>
    <message>
        <source>Google Pay service-account key file</source>
        <translation>Google Pay सर्विस-अकाउंट कुंजी फ़ाइल</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <source>Check what will be saved, then press Finish.</source>
        <translation>देख लें कि क्या सहेजा जाएगा, फिर Finish दबाएँ।</translation>
    </message>
    <message>
        <source>The PIN needs at least %1 digits.</source>
        <translation>PIN में कम से कम %1 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>The PIN has at most %1 digits.</source>
        <translation>PIN में ज़्यादा से ज़्यादा %1 अंक हो सकते हैं।</translation>
    </message>
    <message>
        <source>The PIN is digits only.</source>
        <translation>PIN में केवल अंक होते हैं।</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>दोनों PIN अलग हैं। एक ही PIN दो बार लिखें।</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s name: receipts print it.</source>
        <translation>दुकान का नाम डालें: यह रसीदों पर छपता है।</translation>
    </message>
    <message>
        <source>Choose the gateway profile file for %1.</source>
        <translation>%1 के लिए गेटवे प्रोफ़ाइल फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>सैंडबॉक्स</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>प्रोडक्शन</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>%1 पर कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>CM.com needs both the client id and the client secret.</source>
        <translation>CM.com के लिए क्लाइंट ID और क्लाइंट सीक्रेट दोनों चाहिए।</translation>
    </message>
    <message>
        <source>Gateway profile</source>
        <translation>गेटवे प्रोफ़ाइल</translation>
    </message>
    <message>
        <source>Profiles (*.ini);;All files (*)</source>
        <translation>प्रोफ़ाइल (*.ini);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Manager PIN: set (%1 digits), kept in the system keychain as a salted hash.</source>
        <translation>मैनेजर PIN: सेट है (%1 अंक), सिस्टम कीचेन में सॉल्टेड हैश के रूप में रखा गया है।</translation>
    </message>
    <message>
        <source>Shop: %1</source>
        <translation>दुकान: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>पता: %1</translation>
    </message>
    <message>
        <source>Payments: %1</source>
        <translation>भुगतान: %1</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <source>Gateway profile: %1</source>
        <translation>गेटवे प्रोफ़ाइल: %1</translation>
    </message>
    <message>
        <source>Gateway credentials for the keychain: %1</source>
        <translation>कीचेन में रखे जाने वाले गेटवे क्रेडेंशियल: %1</translation>
    </message>
    <message>
        <source>The PIN could not be stored: %1</source>
        <translation>PIN सहेजा नहीं जा सका: %1</translation>
    </message>
    <message>
        <source>The keychain did not take %1: %2</source>
        <translation>कीचेन ने %1 स्वीकार नहीं किया: %2</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>सेटिंग्स सहेजी नहीं जा सकीं: %1</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard</source>
        <translation>कीबोर्ड</translation>
    </message>
    <message>
        <source>Close (F1 or Esc)</source>
        <translation>बंद करें (F1 या Esc)</translation>
    </message>
    <message>
        <source>Type the amount or the mobile number</source>
        <translation>राशि या मोबाइल नंबर लिखें</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>यह सहायता</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>नई बिक्री</translation>
    </message>
    <message>
        <source>Check the status now</source>
        <translation>अभी स्थिति जाँचें</translation>
    </message>
    <message>
        <source>Retry a failed, declined or expired payment</source>
        <translation>विफल, अस्वीकृत या समाप्त भुगतान फिर से करें</translation>
    </message>
    <message>
        <source>Open the payment page here (act as the customer)</source>
        <translation>भुगतान पेज यहीं खोलें (ग्राहक के रूप में)</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>रसीद प्रिंट करें</translation>
    </message>
    <message>
        <source>About CounterPay</source>
        <translation>CounterPay के बारे में</translation>
    </message>
    <message>
        <source>Back office: history, end of day, refunds, settings</source>
        <translation>बैक ऑफिस: इतिहास, दिन का हिसाब, धनवापसी, सेटिंग्स</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CounterPay %1&lt;/h3&gt;&lt;p&gt;A payment terminal for retail counters: Google Pay, CRED and wallets through Juspay, Google Pay directly and CM.com.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CounterPay %1&lt;/h3&gt;&lt;p&gt;खुदरा काउंटरों के लिए भुगतान टर्मिनल: Juspay के ज़रिए Google Pay, CRED और वॉलेट, सीधे Google Pay, और CM.com।&lt;/p&gt;&lt;p&gt;Qt %2 से बना, Qt %3 पर चल रहा है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A&amp;bout CounterPay</source>
        <translation>CounterPay के बारे में (&amp;B)</translation>
    </message>
    <message>
        <source>Amount, mobile, Pay</source>
        <translation>राशि, मोबाइल, भुगतान</translation>
    </message>
    <message>
        <source>Pay; after a failure: retry; after a sale: new sale</source>
        <translation>भुगतान; विफल होने पर: फिर से कोशिश; बिक्री के बाद: नई बिक्री</translation>
    </message>
    <message>
        <source>Cancel the payment (press twice); on the form: clear it</source>
        <translation>भुगतान रद्द करें (दो बार दबाएँ); फ़ॉर्म पर: साफ़ करें</translation>
    </message>
    <message>
        <source>Same customer as the last sale</source>
        <translation>पिछली बिक्री वाला ही ग्राहक</translation>
    </message>
    <message>
        <source>Show QR instead; after a failed push, retry as a UPI QR</source>
        <translation>इसके बजाय QR दिखाएँ; पुश विफल होने पर UPI QR से फिर कोशिश करें</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <source>&amp;Period</source>
        <translation>अवधि (&amp;P)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>शुरुआती तारीख</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>आखिरी तारीख (शामिल)</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>स्थिति (&amp;S)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Pro&amp;vider</source>
        <translation>प्रदाता (&amp;V)</translation>
    </message>
    <message>
        <source>Provider or method</source>
        <translation>प्रदाता या तरीका</translation>
    </message>
    <message>
        <source>S&amp;earch</source>
        <translation>खोजें (&amp;E)</translation>
    </message>
    <message>
        <source>Order id, txn id, UPI RRN or phone last 4</source>
        <translation>ऑर्डर ID, लेनदेन ID, UPI RRN या फ़ोन के आखिरी 4 अंक</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>राशि (&amp;M)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>कम से कम</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>सबसे कम राशि</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ज़्यादा से ज़्यादा</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>सबसे ज़्यादा राशि</translation>
    </message>
    <message>
        <source>&amp;Cashier</source>
        <translation>कैशियर (&amp;C)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>बीता कल</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>इस सप्ताह</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>इस महीने</translation>
    </message>
    <message>
        <source>Custom days</source>
        <translation>चुनी हुई तारीखें</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>कोई भी प्रदाता</translation>
    </message>
    <message>
        <source>Smallest amount: %1</source>
        <translation>सबसे कम राशि: %1</translation>
    </message>
    <message>
        <source>Largest amount: %1</source>
        <translation>सबसे ज़्यादा राशि: %1</translation>
    </message>
    <message>
        <source>The smallest amount is larger than the largest.</source>
        <translation>सबसे कम राशि सबसे ज़्यादा राशि से बड़ी है।</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>भुगतान का तरीका</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <source>The history sorts by time or by amount.</source>
        <translation>इतिहास केवल समय या राशि के अनुसार छाँटा जा सकता है।</translation>
    </message>
    <message>
        <source>%1 orders match: narrow the filter to at most %2 to sort them this way. Newest first works at any size.</source>
        <translation>%1 ऑर्डर मिले: इस तरह छाँटने के लिए फ़िल्टर से इन्हें ज़्यादा से ज़्यादा %2 तक कम करें। सबसे नए पहले वाला क्रम कितने भी ऑर्डर पर चलता है।</translation>
    </message>
    <message>
        <source>Too many orders to sort this way; showing newest first.</source>
        <translation>इस तरह छाँटने के लिए ऑर्डर बहुत ज़्यादा हैं; सबसे नए पहले दिखाए जा रहे हैं।</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Sales history</source>
        <translation>बिक्री इतिहास</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV निर्यात करें…</translation>
    </message>
    <message>
        <source>Export the filtered sales</source>
        <translation>फ़िल्टर की गई बिक्री निर्यात करें</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 orders written to %2.</source>
        <translation>%1 ऑर्डर %2 में लिखे गए।</translation>
    </message>
    <message>
        <source>%1 orders shown; scroll for more.</source>
        <translation>%1 ऑर्डर दिखाए गए; और देखने के लिए स्क्रॉल करें।</translation>
    </message>
    <message>
        <source>%1 orders.</source>
        <translation>%1 ऑर्डर।</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1 has no minor unit; enter a whole amount.</source>
        <translation>%1 में पैसे जैसी छोटी इकाई नहीं होती; पूरी राशि लिखें।</translation>
    </message>
    <message>
        <source>%1 allows at most %2 digits after the decimal point.</source>
        <translation>%1 में दशमलव के बाद ज़्यादा से ज़्यादा %2 अंक हो सकते हैं।</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>राशि बहुत बड़ी है।</translation>
    </message>
    <message>
        <source>The amount must not be negative.</source>
        <translation>राशि ऋणात्मक नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>राशि लिखें।</translation>
    </message>
    <message>
        <source>Enter the amount in digits.</source>
        <translation>राशि अंकों में लिखें।</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>राशि शून्य से ज़्यादा होनी चाहिए।</translation>
    </message>
    <message>
        <source>The amount has more than one decimal point.</source>
        <translation>राशि में एक से ज़्यादा दशमलव बिंदु है।</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not used in amounts here; use &apos;%2&apos; for the decimal point.</source>
        <translation>यहाँ राशि में &apos;%1&apos; नहीं लिखा जाता; दशमलव के लिए &apos;%2&apos; लिखें।</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed in an amount; use digits and &apos;%2&apos; for the decimal point.</source>
        <translation>राशि में &apos;%1&apos; नहीं लिखा जा सकता; अंक और दशमलव के लिए &apos;%2&apos; लिखें।</translation>
    </message>
    <message>
        <source>Digit group separators (&apos;%1&apos;) belong before the decimal point only.</source>
        <translation>अंकों के समूह विभाजक (&apos;%1&apos;) केवल दशमलव से पहले आते हैं।</translation>
    </message>
    <message>
        <source>The digits are not grouped correctly; write %1 or %2, or leave the separators out.</source>
        <translation>अंकों के समूह सही नहीं हैं; %1 या %2 लिखें, या विभाजक छोड़ दें।</translation>
    </message>
    <message>
        <source>The amount is above this payment method&apos;s maximum of %1 %2.</source>
        <translation>राशि इस भुगतान तरीके की अधिकतम सीमा %1 %2 से ज़्यादा है।</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Paid with</source>
        <translation>भुगतान का तरीका</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>References</source>
        <translation>संदर्भ</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>धनवापसी</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>घटनाक्रम</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Provider said</source>
        <translation>प्रदाता का जवाब</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Re-&amp;check status</source>
        <translation>स्थिति फिर से जाँचें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>धनवापसी करें (&amp;R)…</translation>
    </message>
    <message>
        <source>Settle &amp;unknown…</source>
        <translation>अज्ञात का निपटारा करें (&amp;U)…</translation>
    </message>
    <message>
        <source>Re&amp;print receipt</source>
        <translation>रसीद फिर से प्रिंट करें (&amp;P)</translation>
    </message>
    <message>
        <source>Choose an order to see its timeline.</source>
        <translation>घटनाक्रम देखने के लिए कोई ऑर्डर चुनें।</translation>
    </message>
    <message>
        <source>There is no order %1.</source>
        <translation>ऑर्डर %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>txn %1</source>
        <translation>लेनदेन %1</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>प्रदाता %1</translation>
    </message>
    <message>
        <source>UPI RRN %1</source>
        <translation>UPI RRN %1</translation>
    </message>
    <message>
        <source>cashier %1 at %2, %3</source>
        <translation>कैशियर %1, टर्मिनल %2, %3</translation>
    </message>
    <message>
        <source>Sale created</source>
        <translation>बिक्री बनाई गई</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>अनुरोध भेजा गया</translation>
    </message>
    <message>
        <source>Gateway answered</source>
        <translation>गेटवे ने जवाब दिया</translation>
    </message>
    <message>
        <source>Status checked</source>
        <translation>स्थिति जाँची गई</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>स्थिति बदली</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>चेतावनी</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>त्रुटि</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>धनवापसी</translation>
    </message>
    <message>
        <source>Asked the gateway; the timeline shows the answer when it comes.</source>
        <translation>गेटवे से पूछा गया है; जवाब आने पर घटनाक्रम में दिखेगा।</translation>
    </message>
    <message>
        <source>Refund sent; waiting for the provider.</source>
        <translation>धनवापसी भेजी गई; प्रदाता की प्रतीक्षा है।</translation>
    </message>
    <message>
        <source>Settled as %1.</source>
        <translation>%1 के रूप में निपटाया गया।</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>प्रिंट नहीं हो सका: %1</translation>
    </message>
    <message>
        <source>The refund failed: %1</source>
        <translation>धनवापसी विफल: %1</translation>
    </message>
    <message>
        <source>Receipt sent to %1.</source>
        <translation>रसीद %1 पर भेजी गई।</translation>
    </message>
    <message>
        <source>Why there is no refund</source>
        <translation>धनवापसी क्यों उपलब्ध नहीं है</translation>
    </message>
    <message>
        <source>Checked %1 times, %2–%3</source>
        <translation>%1 बार जाँचा गया, %2–%3</translation>
    </message>
    <message>
        <source>%1 status checks with the same answer</source>
        <translation>%1 बार स्थिति जाँची गई, हर बार एक ही जवाब</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>PaymentView</name>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <source>Check now (F5)</source>
        <translation>अभी जाँचें (F5)</translation>
    </message>
    <message>
        <source>Retry (F6)</source>
        <translation>फिर से कोशिश (F6)</translation>
    </message>
    <message>
        <source>Show QR instead (F7)</source>
        <translation>इसके बजाय QR दिखाएँ (F7)</translation>
    </message>
    <message>
        <source>Open payment page here (F8)</source>
        <translation>भुगतान पेज यहीं खोलें (F8)</translation>
    </message>
    <message>
        <source>Blocked a page outside the payment gateway (%1).</source>
        <translation>भुगतान गेटवे के बाहर का पेज रोका गया (%1)।</translation>
    </message>
    <message>
        <source>Contacting the payment gateway…</source>
        <translation>भुगतान गेटवे से संपर्क हो रहा है…</translation>
    </message>
    <message>
        <source>This wallet signs in with a form: the customer completes it on this screen.</source>
        <translation>यह वॉलेट फ़ॉर्म से साइन इन करता है: ग्राहक इसे इसी स्क्रीन पर पूरा करे।</translation>
    </message>
    <message>
        <source>A payment request was sent to %1. Ask the customer to approve it on their phone, or to scan the code.</source>
        <translation>%1 पर भुगतान अनुरोध भेजा गया। ग्राहक से फ़ोन पर स्वीकृत करने या कोड स्कैन करने को कहें।</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with their phone and approve the payment.</source>
        <translation>ग्राहक से फ़ोन से कोड स्कैन करके भुगतान स्वीकृत करने को कहें।</translation>
    </message>
    <message>
        <source>The gateway did not answer clearly. CounterPay keeps checking; do not charge again.</source>
        <translation>गेटवे का उत्तर स्पष्ट नहीं है। CounterPay जाँच रहा है; दोबारा चार्ज न करें।</translation>
    </message>
    <message>
        <source>The embedded browser is not available (%1). Use the QR code.</source>
        <translation>अंतर्निहित ब्राउज़र उपलब्ध नहीं है (%1)। QR कोड इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>A payment request was sent to %1. Ask the customer to approve it on their phone.</source>
        <translation>%1 पर भुगतान अनुरोध भेजा गया। ग्राहक से फ़ोन पर स्वीकृत करने को कहें।</translation>
    </message>
    <message>
        <source>Scan with any UPI app</source>
        <translation>किसी भी UPI ऐप से स्कैन करें</translation>
    </message>
    <message>
        <source>Amount in the QR</source>
        <translation>QR में राशि</translation>
    </message>
    <message>
        <source>Paid to</source>
        <translation>भुगतान पाने वाला</translation>
    </message>
    <message>
        <source>Time left to pay</source>
        <translation>भुगतान के लिए बचा समय</translation>
    </message>
    <message>
        <source>DEMO: this code pays no one. Do not scan it with a real UPI app; use the simulated UPI app (F8).</source>
        <translation>डेमो: यह कोड किसी को भुगतान नहीं करता। इसे किसी असली UPI ऐप से स्कैन न करें; नकली UPI ऐप (F8) का उपयोग करें।</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>%1 को</translation>
    </message>
    <message>
        <source>This QR has expired</source>
        <translation>इस QR की समय-सीमा समाप्त हो गई है</translation>
    </message>
    <message>
        <source>Valid for %1:%2</source>
        <translation>वैधता शेष: %1:%2</translation>
    </message>
    <message>
        <source>Ask the customer to scan the code with any UPI app and approve the payment.</source>
        <translation>ग्राहक से कहें कि वे किसी भी UPI ऐप से कोड स्कैन करें और भुगतान स्वीकृत करें।</translation>
    </message>
    <message>
        <source>Retry as UPI QR (F7)</source>
        <translation>UPI QR से फिर कोशिश करें (F7)</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Enter the customer&apos;s mobile number.</source>
        <translation>ग्राहक का मोबाइल नंबर लिखें।</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be part of a phone number; use digits, spaces and a leading +.</source>
        <translation>&apos;%1&apos; फ़ोन नंबर में नहीं आ सकता; अंक, खाली जगह और शुरू में + लिखें।</translation>
    </message>
    <message>
        <source>The number is too short; a mobile number has 10 digits.</source>
        <translation>नंबर बहुत छोटा है; मोबाइल नंबर में 10 अंक होते हैं।</translation>
    </message>
    <message>
        <source>The country code is not valid; start with + and a country code such as +91, or leave it out.</source>
        <translation>देश कोड सही नहीं है; + और +91 जैसे देश कोड से शुरू करें, या उसे छोड़ दें।</translation>
    </message>
    <message>
        <source>The number has too many digits.</source>
        <translation>नंबर में बहुत ज़्यादा अंक हैं।</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>यह फ़ोन नंबर नहीं है।</translation>
    </message>
    <message>
        <source>The country code is not valid.</source>
        <translation>देश कोड सही नहीं है।</translation>
    </message>
    <message>
        <source>This is not a valid number in %1; check the digits.</source>
        <translation>यह %1 में मान्य नंबर नहीं है; अंक जाँचें।</translation>
    </message>
    <message>
        <source>This is a landline number; payment requests go to the customer&apos;s mobile number.</source>
        <translation>यह लैंडलाइन नंबर है; भुगतान का अनुरोध ग्राहक के मोबाइल नंबर पर जाता है।</translation>
    </message>
    <message>
        <source>This is a toll-free number; payment requests go to the customer&apos;s mobile number.</source>
        <translation>यह टोल-फ़्री नंबर है; भुगतान का अनुरोध ग्राहक के मोबाइल नंबर पर जाता है।</translation>
    </message>
    <message>
        <source>This is not a mobile number; payment requests go to the customer&apos;s mobile number.</source>
        <translation>यह मोबाइल नंबर नहीं है; भुगतान का अनुरोध ग्राहक के मोबाइल नंबर पर जाता है।</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>मैनेजर PIN</translation>
    </message>
    <message>
        <source>Manager &amp;PIN</source>
        <translation>मैनेजर &amp;PIN</translation>
    </message>
    <message>
        <source>This needs the manager PIN.</source>
        <translation>इसके लिए मैनेजर PIN चाहिए।</translation>
    </message>
    <message>
        <source>Only a manager may %1. Enter the manager PIN.</source>
        <translation>यह काम केवल मैनेजर कर सकता है (%1)। मैनेजर PIN डालें।</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The PIN is refused until %1.</source>
        <translation>बहुत बार गलत PIN डाला गया। %1 तक PIN स्वीकार नहीं होगा।</translation>
    </message>
    <message>
        <source>No manager PIN is set yet. Set one in the first-run wizard.</source>
        <translation>अभी तक कोई मैनेजर PIN सेट नहीं है। पहली बार के सेटअप विज़ार्ड में इसे सेट करें।</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 more wrong PIN and the PIN is refused for %1 minutes.</source>
        <translation>गलत PIN। एक और गलत PIN डालने पर PIN %1 मिनट तक स्वीकार नहीं होगा।</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more wrong PINs and the PIN is refused for %2 minutes.</source>
        <translation>गलत PIN। %1 और गलत PIN डालने पर PIN %2 मिनट तक स्वीकार नहीं होगा।</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1

The log for support: %2</source>
        <translation>%1

सहायता के लिए लॉग: %2</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>पूरा करें (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>Payment QR code</source>
        <translation>भुगतान QR कोड</translation>
    </message>
    <message>
        <source>QR unavailable</source>
        <translation>QR उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <source>Payment receipt</source>
        <translation>भुगतान रसीद</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Provider reference</source>
        <translation>प्रदाता संदर्भ</translation>
    </message>
    <message>
        <source>UPI RRN</source>
        <translation>UPI RRN</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>धन्यवाद</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>रसीद %1</translation>
    </message>
    <message>
        <source>The printer %1 is not available; choose another in the back office&apos;s settings.</source>
        <translation>प्रिंटर %1 उपलब्ध नहीं है; बैक ऑफिस की सेटिंग्स में दूसरा प्रिंटर चुनें।</translation>
    </message>
    <message>
        <source>GSTIN %1</source>
        <translation>GSTIN %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for receipts.</source>
        <translation>रसीदों के लिए फ़ोल्डर %1 नहीं बनाया जा सका।</translation>
    </message>
    <message>
        <source>Too many receipts named %1 in %2.</source>
        <translation>%2 में %1 नाम की बहुत ज़्यादा रसीदें हैं।</translation>
    </message>
    <message>
        <source>No printer is set up on this computer; the receipt was not printed (Save as PDF keeps a copy).</source>
        <translation>इस कंप्यूटर पर कोई प्रिंटर सेट नहीं है; रसीद प्रिंट नहीं हुई (“PDF में सहेजें” से इसकी कॉपी रखी जा सकती है)।</translation>
    </message>
    <message>
        <source>The printer %1 cannot be reached through the print system.</source>
        <translation>प्रिंट सिस्टम के ज़रिए प्रिंटर %1 तक नहीं पहुँचा जा सका।</translation>
    </message>
</context>
<context>
    <name>ReconcileView</name>
    <message>
        <source>Asks the gateways again about every order of the day that is not final, unknown or not verified, and lists where the ledger and the gateway disagree. Nothing is changed: settle or re-check each order from History.</source>
        <translation>दिन के हर उस ऑर्डर के बारे में गेटवे से दोबारा पूछता है जो अंतिम नहीं है, अज्ञात है या सत्यापित नहीं है, और दिखाता है कि लेजर और गेटवे कहाँ मेल नहीं खाते। कुछ भी बदला नहीं जाता: हर ऑर्डर का निपटारा या दोबारा जाँच इतिहास से करें।</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>दिन (&amp;D)</translation>
    </message>
    <message>
        <source>Day to reconcile</source>
        <translation>मिलान का दिन</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>मिलान करें (&amp;R)</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Ledger says</source>
        <translation>लेजर के अनुसार</translation>
    </message>
    <message>
        <source>Gateway says</source>
        <translation>गेटवे के अनुसार</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>राशियाँ</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <source>No gateway is configured, so there is nobody to ask.</source>
        <translation>कोई गेटवे सेट नहीं है, इसलिए पूछने के लिए कोई नहीं है।</translation>
    </message>
    <message>
        <source>Checked %1 of %2 orders.</source>
        <translation>%2 में से %1 ऑर्डर जाँचे गए।</translation>
    </message>
    <message>
        <source>Asking the gateways…</source>
        <translation>गेटवे से पूछा जा रहा है…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>कोई जवाब नहीं</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The ledger and the gateways agree on every doubtful order.</source>
        <translation>हर संदिग्ध ऑर्डर पर लेजर और गेटवे सहमत हैं।</translation>
    </message>
    <message>
        <source>%1 differences to look at.</source>
        <translation>%1 अंतर देखने हैं।</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>धनवापसी</translation>
    </message>
    <message>
        <source>&amp;Everything not yet refunded</source>
        <translation>अब तक वापस न की गई पूरी राशि (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Part of it:</source>
        <translation>इसका कुछ हिस्सा (&amp;P):</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>वापस की जाने वाली राशि</translation>
    </message>
    <message>
        <source>Order %1 took %2 by %3. Refundable now: %4.</source>
        <translation>ऑर्डर %1: %3 से %2 प्राप्त हुए। अभी वापस की जा सकने वाली राशि: %4।</translation>
    </message>
    <message>
        <source>Nothing is left to refund.</source>
        <translation>धनवापसी के लिए कुछ भी बाकी नहीं है।</translation>
    </message>
    <message>
        <source>Type the amount to refund.</source>
        <translation>धनवापसी की राशि लिखें।</translation>
    </message>
    <message>
        <source>At most %1 can be refunded.</source>
        <translation>ज़्यादा से ज़्यादा %1 की धनवापसी हो सकती है।</translation>
    </message>
    <message>
        <source>Press OK to send %1 back to the customer. This cannot be undone.</source>
        <translation>ग्राहक को %1 वापस भेजने के लिए OK दबाएँ। इसे पलटा नहीं जा सकता।</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Settle an unknown payment</source>
        <translation>अज्ञात भुगतान का निपटारा करें</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>परिणाम (&amp;O)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <source>What the provider or the customer&apos;s bank confirmed</source>
        <translation>प्रदाता या ग्राहक के बैंक ने किस बात की पुष्टि की</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Order %1: nobody knows yet whether it was paid. Settle it only after the provider or the customer&apos;s bank confirmed the outcome.</source>
        <translation>ऑर्डर %1: अभी पता नहीं है कि भुगतान हुआ या नहीं। प्रदाता या ग्राहक के बैंक से परिणाम की पुष्टि होने के बाद ही इसका निपटारा करें।</translation>
    </message>
    <message>
        <source>Say why: what the provider or the bank confirmed.</source>
        <translation>कारण बताएँ: प्रदाता या बैंक ने किस बात की पुष्टि की।</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Order</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>New sale (Enter)</source>
        <translation>नई बिक्री (Enter)</translation>
    </message>
    <message>
        <source>Retry (F6)</source>
        <translation>फिर से कोशिश (F6)</translation>
    </message>
    <message>
        <source>Show QR instead (F7)</source>
        <translation>इसके बजाय QR दिखाएँ (F7)</translation>
    </message>
    <message>
        <source>Print receipt (F9)</source>
        <translation>रसीद प्रिंट करें (F9)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF में सहेजें</translation>
    </message>
    <message>
        <source>New sale (F2)</source>
        <translation>नई बिक्री (F2)</translation>
    </message>
    <message>
        <source>Retry (Enter or F6)</source>
        <translation>फिर से कोशिश (Enter या F6)</translation>
    </message>
    <message>
        <source>Gateway&apos;s words</source>
        <translation>गेटवे का संदेश</translation>
    </message>
    <message>
        <source>The customer or their bank declined. Retry, or show a QR to pay with another app.</source>
        <translation>ग्राहक या उनके बैंक ने अस्वीकार किया। फिर से कोशिश करें, या किसी दूसरे ऐप से भुगतान के लिए QR दिखाएँ।</translation>
    </message>
    <message>
        <source>The customer or their bank declined. Retry, or take another method.</source>
        <translation>ग्राहक या उनके बैंक ने अस्वीकार किया। फिर से कोशिश करें, या दूसरा तरीका चुनें।</translation>
    </message>
    <message>
        <source>The customer did not approve in time. Retry, or show a QR to scan.</source>
        <translation>ग्राहक ने समय पर स्वीकृति नहीं दी। फिर से कोशिश करें, या स्कैन के लिए QR दिखाएँ।</translation>
    </message>
    <message>
        <source>The customer did not approve in time. Retry, or take another method.</source>
        <translation>ग्राहक ने समय पर स्वीकृति नहीं दी। फिर से कोशिश करें, या दूसरा तरीका चुनें।</translation>
    </message>
    <message>
        <source>The payment did not go through. Retry, or take another method.</source>
        <translation>भुगतान नहीं हो पाया। फिर से कोशिश करें, या दूसरा तरीका चुनें।</translation>
    </message>
    <message>
        <source>The payment was cancelled.</source>
        <translation>भुगतान रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>The outcome is not known yet. Do not charge again: check it in the back office (F10).</source>
        <translation>नतीजा अभी पता नहीं है। दोबारा भुगतान न लें: बैक ऑफ़िस (F10) में जाँचें।</translation>
    </message>
    <message>
        <source>Paid. The receipt can be printed (F9).</source>
        <translation>भुगतान हो गया। रसीद छापी जा सकती है (F9)।</translation>
    </message>
    <message>
        <source>Press F7 for a UPI QR of the same sale: the customer scans it with any UPI app.</source>
        <translation>इसी बिक्री का UPI QR पाने के लिए F7 दबाएँ: ग्राहक इसे किसी भी UPI ऐप से स्कैन करें।</translation>
    </message>
    <message>
        <source>The customer or their bank declined.</source>
        <translation>ग्राहक या उनके बैंक ने अस्वीकार किया।</translation>
    </message>
    <message>
        <source>The customer did not approve in time.</source>
        <translation>ग्राहक ने समय पर स्वीकृति नहीं दी।</translation>
    </message>
    <message>
        <source>The payment did not go through.</source>
        <translation>भुगतान पूरा नहीं हुआ।</translation>
    </message>
    <message>
        <source>Retry as UPI QR (F7)</source>
        <translation>UPI QR से फिर कोशिश करें (F7)</translation>
    </message>
    <message>
        <source>UPI RRN</source>
        <translation>UPI RRN</translation>
    </message>
</context>
<context>
    <name>SaleForm</name>
    <message>
        <source>&amp;Amount</source>
        <translation>राशि (&amp;A)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;mobile</source>
        <translation>ग्राहक का मोबाइल (&amp;M)</translation>
    </message>
    <message>
        <source>Country prefix</source>
        <translation>देश कोड</translation>
    </message>
    <message>
        <source>98765 43210</source>
        <translation>98765 43210</translation>
    </message>
    <message>
        <source>Customer&apos;s mobile number</source>
        <translation>ग्राहक का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>भुगतान का तरीका</translation>
    </message>
    <message>
        <source>&amp;Reference or note (optional)</source>
        <translation>संदर्भ या टिप्पणी (वैकल्पिक) (&amp;R)</translation>
    </message>
    <message>
        <source>Reference or note</source>
        <translation>संदर्भ या टिप्पणी</translation>
    </message>
    <message>
        <source>Pay (Enter)</source>
        <translation>भुगतान करें (Enter)</translation>
    </message>
    <message>
        <source>On-screen keypad</source>
        <translation>स्क्रीन कीपैड</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>आखिरी अंक मिटाएँ</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;mobile (optional)</source>
        <translation>ग्राहक का मोबाइल (वैकल्पिक) (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>देश (&amp;C)</translation>
    </message>
    <message>
        <source>Payment m&amp;ethod</source>
        <translation>भुगतान का तरीका (&amp;E)</translation>
    </message>
    <message>
        <source>Confirm the amount</source>
        <translation>राशि की पुष्टि करें</translation>
    </message>
    <message>
        <source>&amp;No, change the amount (Esc)</source>
        <translation>नहीं, राशि बदलें (&amp;N) (Esc)</translation>
    </message>
    <message>
        <source>The most one sale can be is %1.</source>
        <translation>एक बिक्री ज़्यादा से ज़्यादा %1 की हो सकती है।</translation>
    </message>
    <message>
        <source>The most one sale by %1 can be is %2.</source>
        <translation>%1 से एक बिक्री ज़्यादा से ज़्यादा %2 की हो सकती है।</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <source>&amp;Yes, send %1</source>
        <translation>हाँ, %1 भेजें (&amp;Y)</translation>
    </message>
    <message>
        <source>F3: same customer (%1)</source>
        <translation>F3: वही ग्राहक (%1)</translation>
    </message>
    <message>
        <source>%1 reaches Indian mobile numbers only (+91); %2 is not one.</source>
        <translation>%1 केवल भारतीय मोबाइल नंबर (+91) तक पहुँचता है; %2 भारतीय नहीं है।</translation>
    </message>
    <message>
        <source>The note is %1 characters long; the most is %2.</source>
        <translation>टिप्पणी %1 अक्षरों की है; अधिकतम %2 हो सकते हैं।</translation>
    </message>
    <message>
        <source>The note holds a control character; a note is one line of plain text.</source>
        <translation>टिप्पणी में एक नियंत्रण अक्षर है; टिप्पणी सादे पाठ की एक ही पंक्ति होनी चाहिए।</translation>
    </message>
    <message>
        <source>Pay %1 (Enter)</source>
        <translation>%1 का भुगतान करें (Enter)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>दुकान</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>दुकान का नाम (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>पता (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cashier name</source>
        <translation>कैशियर का नाम (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminal</source>
        <translation>टर्मिनल (&amp;T)</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>&amp;Payments go to</source>
        <translation>भुगतान कहाँ जाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Gateway p&amp;rofile</source>
        <translation>गेटवे प्रोफ़ाइल (&amp;R)</translation>
    </message>
    <message>
        <source>Configured providers</source>
        <translation>सेट किए गए प्रदाता</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>स्थिति जाँच</translation>
    </message>
    <message>
        <source>&amp;First status check after</source>
        <translation>पहली स्थिति जाँच इतनी देर बाद (&amp;F)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Longest wait between checks</source>
        <translation>दो जाँचों के बीच सबसे लंबी प्रतीक्षा (&amp;L)</translation>
    </message>
    <message>
        <source>Keep checking &amp;after expiry</source>
        <translation>समय समाप्ति के बाद भी इतनी देर जाँचते रहें (&amp;A)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>प्रिंटर</translation>
    </message>
    <message>
        <source>Receipt &amp;printer</source>
        <translation>रसीद प्रिंटर (&amp;P)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>Used after a restart.</source>
        <translation>दोबारा शुरू करने के बाद लागू होगी।</translation>
    </message>
    <message>
        <source>Sound and voice</source>
        <translation>ध्वनि और आवाज़</translation>
    </message>
    <message>
        <source>Play a &amp;sound when a sale is paid or fails</source>
        <translation>बिक्री का भुगतान होने या विफल होने पर ध्वनि बजाएँ (&amp;S)</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>ग्राहक स्क्रीन</translation>
    </message>
    <message>
        <source>Customer &amp;display</source>
        <translation>ग्राहक स्क्रीन (&amp;D)</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>सुरक्षा</translation>
    </message>
    <message>
        <source>Lock the PIN after</source>
        <translation>PIN लॉक करें</translation>
    </message>
    <message>
        <source> wrong PINs</source>
        <translation> गलत PIN के बाद</translation>
    </message>
    <message>
        <source>for</source>
        <translation>लॉक की अवधि</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>Back to cashier after</source>
        <translation>कैशियर मोड पर लौटें</translation>
    </message>
    <message>
        <source> idle minutes</source>
        <translation> मिनट कुछ न करने पर</translation>
    </message>
    <message>
        <source>&amp;New manager PIN</source>
        <translation>नया मैनेजर PIN (&amp;N)</translation>
    </message>
    <message>
        <source>New PIN a&amp;gain</source>
        <translation>नया PIN दोबारा (&amp;G)</translation>
    </message>
    <message>
        <source>C&amp;hange PIN</source>
        <translation>PIN बदलें (&amp;H)</translation>
    </message>
    <message>
        <source>Demo (no real money)</source>
        <translation>डेमो (असली पैसा नहीं)</translation>
    </message>
    <message>
        <source>Sandbox (test systems)</source>
        <translation>सैंडबॉक्स (टेस्ट सिस्टम)</translation>
    </message>
    <message>
        <source>Production (real payments)</source>
        <translation>प्रोडक्शन (असली भुगतान)</translation>
    </message>
    <message>
        <source>When a second screen is connected</source>
        <translation>जब दूसरी स्क्रीन जुड़ी हो</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>हमेशा</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>सिस्टम का डिफ़ॉल्ट प्रिंटर</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>कनेक्शन</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>जाँचा नहीं गया</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>बदलाव वापस लें (&amp;U)</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>कुछ नहीं बदला।</translation>
    </message>
    <message>
        <source>Saved %1 settings.</source>
        <translation>%1 सेटिंग्स सहेजी गईं।</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>The new PIN must be %1 to %2 digits.</source>
        <translation>नया PIN %1 से %2 अंकों का होना चाहिए।</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>दोनों नए PIN अलग हैं।</translation>
    </message>
    <message>
        <source>The manager PIN was changed.</source>
        <translation>मैनेजर PIN बदल दिया गया।</translation>
    </message>
    <message>
        <source>&amp;GSTIN</source>
        <translation>&amp;GSTIN</translation>
    </message>
    <message>
        <source>15 characters, printed on receipts (optional)</source>
        <translation>15 अक्षर, रसीदों पर छपता है (वैकल्पिक)</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>समय क्षेत्र (&amp;Z)</translation>
    </message>
    <message>
        <source>La&amp;rgest sale</source>
        <translation>सबसे बड़ी बिक्री (&amp;R)</translation>
    </message>
    <message>
        <source>Confirm in &amp;words above</source>
        <translation>इस राशि से ऊपर शब्दों में पुष्टि (&amp;W)</translation>
    </message>
    <message>
        <source>empty: never ask</source>
        <translation>खाली: कभी न पूछें</translation>
    </message>
    <message>
        <source>Keys (kept in the system keychain, never shown)</source>
        <translation>कुंजियाँ (सिस्टम कीचेन में रखी जाती हैं, कभी दिखाई नहीं जातीं)</translation>
    </message>
    <message>
        <source>&amp;Juspay API key</source>
        <translation>Juspay API कुंजी (&amp;J)</translation>
    </message>
    <message>
        <source>CM.com c&amp;lient id</source>
        <translation>CM.com क्लाइंट ID (&amp;L)</translation>
    </message>
    <message>
        <source>CM.com client s&amp;ecret</source>
        <translation>CM.com क्लाइंट सीक्रेट (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Google Pay service-account key file</source>
        <translation>Google Pay सर्विस-अकाउंट कुंजी फ़ाइल (&amp;G)</translation>
    </message>
    <message>
        <source>Store &amp;keys</source>
        <translation>कुंजियाँ सहेजें (&amp;K)</translation>
    </message>
    <message>
        <source>A field left empty keeps the key already stored. New keys and a changed profile are used after a restart.</source>
        <translation>खाली छोड़े गए फ़ील्ड की पहले से रखी कुंजी बनी रहती है। नई कुंजियाँ और बदली गई प्रोफ़ाइल दोबारा शुरू करने के बाद इस्तेमाल होंगी।</translation>
    </message>
    <message>
        <source>This computer&apos;s zone (%1)</source>
        <translation>इस कंप्यूटर का समय क्षेत्र (%1)</translation>
    </message>
    <message>
        <source>in %1, for example 2,00,000</source>
        <translation>%1 में, जैसे 2,00,000</translation>
    </message>
    <message>
        <source>type a new key to replace the stored one</source>
        <translation>रखी गई कुंजी बदलने के लिए नई कुंजी लिखें</translation>
    </message>
    <message>
        <source>the path of the JSON key file</source>
        <translation>JSON कुंजी फ़ाइल का पाथ</translation>
    </message>
    <message>
        <source>Largest sale: %1</source>
        <translation>सबसे बड़ी बिक्री: %1</translation>
    </message>
    <message>
        <source>Confirm in words above: %1</source>
        <translation>इस राशि से ऊपर शब्दों में पुष्टि: %1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>सहेजी गई</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>सेट नहीं</translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation>कीचेन उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>The Google Pay key file %1 cannot be read.</source>
        <translation>Google Pay कुंजी फ़ाइल %1 पढ़ी नहीं जा सकी।</translation>
    </message>
    <message>
        <source>Type a key first; empty fields keep the stored keys.</source>
        <translation>पहले कोई कुंजी लिखें; खाली फ़ील्ड में रखी गई कुंजियाँ बनी रहती हैं।</translation>
    </message>
    <message>
        <source>Stored %1 keys in the keychain. They are used after a restart.</source>
        <translation>कीचेन में %1 कुंजियाँ सहेजी गईं। ये दोबारा शुरू करने के बाद इस्तेमाल होंगी।</translation>
    </message>
    <message>
        <source>The keychain did not take %1: %2</source>
        <translation>कीचेन ने %1 स्वीकार नहीं किया: %2</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>सेटिंग्स सहेजें</translation>
    </message>
    <message>
        <source>UPI &amp;QR valid for (minutes)</source>
        <translation>UPI QR की वैधता, मिनट में (&amp;Q)</translation>
    </message>
    <message>
        <source>Say the &amp;amount aloud when paid</source>
        <translation>भुगतान होने पर राशि बोलकर बताएँ (&amp;A)</translation>
    </message>
    <message>
        <source>In the till&apos;s language: English, or Hindi with a Hindi voice. Silent without speakers or a voice for the language.</source>
        <translation>काउंटर की भाषा में: अंग्रेज़ी, या हिंदी आवाज़ में हिंदी। स्पीकर या उस भाषा की आवाज़ न हो तो चुप रहता है।</translation>
    </message>
    <message>
        <source>For QR sales</source>
        <translation>QR बिक्री के लिए</translation>
    </message>
    <message>
        <source>For every sale</source>
        <translation>हर बिक्री के लिए</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message>
        <source>Starting</source>
        <translation>शुरू हो रहा है</translation>
    </message>
    <message>
        <source>Sending to the gateway</source>
        <translation>गेटवे को भेजा जा रहा है</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>ग्राहक की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>भुगतान हो गया</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Declined by the customer</source>
        <translation>ग्राहक ने अस्वीकार किया</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>समय समाप्त</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द किया गया</translation>
    </message>
    <message>
        <source>Outcome unknown, still checking</source>
        <translation>परिणाम अज्ञात, जाँच जारी है</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>धनवापसी हो गई</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>आंशिक धनवापसी</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>बीता समय %1</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>शेष समय %1</translation>
    </message>
    <message>
        <source>Last check %1</source>
        <translation>पिछली जाँच %1</translation>
    </message>
</context>
<context>
    <name>Till</name>
    <message>
        <source>%1
(The OS keychain could not be read: %2)</source>
        <translation>%1
(ऑपरेटिंग सिस्टम का कीचेन पढ़ा नहीं जा सका: %2)</translation>
    </message>
</context>
<context>
    <name>UiPluginLoader</name>
    <message>
        <source>%1 is not installed.</source>
        <translation>%1 इंस्टॉल नहीं है।</translation>
    </message>
    <message>
        <source>The browser plugin is from another version.</source>
        <translation>ब्राउज़र प्लगइन किसी दूसरे संस्करण का है।</translation>
    </message>
    <message>
        <source>The sound plugin is from another version.</source>
        <translation>ध्वनि प्लगइन किसी दूसरे संस्करण का है।</translation>
    </message>
    <message>
        <source>The print plugin is from another version.</source>
        <translation>प्रिंट प्लगइन किसी दूसरे संस्करण का है।</translation>
    </message>
    <message>
        <source>The embedded browser needs OpenGL sharing, switched on at start.</source>
        <translation>अंदर के ब्राउज़र को OpenGL साझेदारी चाहिए, जो शुरू में ही चालू होती है।</translation>
    </message>
</context>
<context>
    <name>ZReportView</name>
    <message>
        <source>&amp;Day</source>
        <translation>दिन (&amp;D)</translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation>रिपोर्ट का दिन</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>ताज़ा करें (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें (&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>P&amp;DF में सहेजें…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV निर्यात करें…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ऑर्डर</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>चार्ज किया गया</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>धनवापसी हो गई</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>शुद्ध</translation>
    </message>
    <message>
        <source>Totals by provider, method and state</source>
        <translation>प्रदाता, तरीके और स्थिति के अनुसार कुल</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>तरीका</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>संख्या</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 paid</source>
        <translation>%1 भुगतान हुए</translation>
    </message>
    <message>
        <source>Lines in %1 are listed but not in the totals.</source>
        <translation>%1 वाली पंक्तियाँ सूची में हैं, पर कुल में शामिल नहीं हैं।</translation>
    </message>
    <message>
        <source>No sales on this day.</source>
        <translation>इस दिन कोई बिक्री नहीं हुई।</translation>
    </message>
    <message>
        <source>There is no report to save.</source>
        <translation>सहेजने के लिए कोई रिपोर्ट नहीं है।</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Z रिपोर्ट %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 में लिखा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Save the Z report</source>
        <translation>Z रिपोर्ट सहेजें</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
    <message>
        <source>Export the day&apos;s sales</source>
        <translation>दिन की बिक्री निर्यात करें</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 orders written to %2.</source>
        <translation>%1 ऑर्डर %2 में लिखे गए।</translation>
    </message>
    <message>
        <source>Google Pay</source>
        <translation>Google Pay</translation>
    </message>
    <message>
        <source>%1 not refunded</source>
        <translation>%1 की धनवापसी नहीं हुई</translation>
    </message>
    <message>
        <source>Refunds asked this day</source>
        <translation>इस दिन माँगी गई धनवापसी</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 to %3 %4 (%5, %n hours)</source>
        <translation>
            <numerusform>%1 %2 से %3 %4 (%5, %n घंटे)</numerusform>
            <numerusform>%1 %2 से %3 %4 (%5, %n घंटे)</numerusform>
        </translation>
    </message>
    <message>
        <source>End of day (Z report): %1</source>
        <translation>दिन का हिसाब (Z रिपोर्ट): %1</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Day&apos;s totals</source>
        <translation>दिन का कुल</translation>
    </message>
    <message>
        <source>Paid sales</source>
        <translation>भुगतान हुई बिक्री</translation>
    </message>
    <message>
        <source>Refunded of these sales</source>
        <translation>इन बिक्रियों में से धनवापसी</translation>
    </message>
    <message>
        <source>Refunds asked in CounterPay this day (of any day&apos;s sales) that went back or are pending: %1, %2. Failed refunds are listed above and not counted.</source>
        <translation>इस दिन CounterPay में माँगी गई धनवापसी (किसी भी दिन की बिक्री की) जो वापस हो गई या लंबित है: %1, %2। विफल धनवापसी ऊपर सूची में है और गिनी नहीं गई।</translation>
    </message>
    <message>
        <source>Not in these totals: sales in %1.</source>
        <translation>इस कुल में शामिल नहीं: %1 में हुई बिक्री।</translation>
    </message>
</context>
</TS>
