<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
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
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>CounterPay</source>
        <translation type="unfinished"></translation>
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
        <translation>&amp;भाषा</translation>
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
        <source>Save receipt as PDF</source>
        <translation>रसीद PDF में सहेजें</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>रसीद सहेजी गई: %1</translation>
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
        <source>Next field</source>
        <translation>अगला फ़ील्ड</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Pay; on a result: new sale</source>
        <translation>भुगतान; परिणाम पर: नई बिक्री</translation>
    </message>
    <message>
        <source>Cancel the payment; on the form: clear it</source>
        <translation>भुगतान रद्द करें; फ़ॉर्म पर: साफ़ करें</translation>
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
        <source>Show QR instead</source>
        <translation>इसके बजाय QR दिखाएँ</translation>
    </message>
    <message>
        <source>Open the payment page here (act as the customer)</source>
        <translation>भुगतान पेज यहीं खोलें (ग्राहक के रूप में)</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>रसीद प्रिंट करें</translation>
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
</context>
<context>
    <name>ProviderNames</name>
    <message>
        <source>Google Pay (push, via Juspay)</source>
        <translation>Google Pay (पुश, Juspay द्वारा)</translation>
    </message>
    <message>
        <source>CRED (via Juspay)</source>
        <translation>CRED (Juspay द्वारा)</translation>
    </message>
    <message>
        <source>Wallet %1 (via Juspay)</source>
        <translation>वॉलेट %1 (Juspay द्वारा)</translation>
    </message>
    <message>
        <source>Google Pay (direct)</source>
        <translation>Google Pay (सीधे)</translation>
    </message>
    <message>
        <source>Google Pay (CM.com)</source>
        <translation>Google Pay (CM.com)</translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>रसीद प्रिंट करें</translation>
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
        <source>Detail</source>
        <translation>विवरण</translation>
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
        <source>(none)</source>
        <translation>(कोई नहीं)</translation>
    </message>
</context>
<context>
    <name>SaleFeedback</name>
    <message>
        <source>Received rupees %1</source>
        <translation>%1 रुपये प्राप्त हुए</translation>
    </message>
    <message>
        <source>Received %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleForm</name>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;राशि</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;mobile</source>
        <translation>ग्राहक का &amp;मोबाइल</translation>
    </message>
    <message>
        <source>Country prefix</source>
        <translation>देश कोड</translation>
    </message>
    <message>
        <source>98765 43210</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s mobile number</source>
        <translation>ग्राहक का मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Payment &amp;method</source>
        <translation>भुगतान का &amp;तरीका</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>भुगतान का तरीका</translation>
    </message>
    <message>
        <source>&amp;Reference or note (optional)</source>
        <translation>&amp;संदर्भ या टिप्पणी (वैकल्पिक)</translation>
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
        <translation>ग्राहक का &amp;मोबाइल (वैकल्पिक)</translation>
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
</TS>
