//! English: friendly, informal-professional customer-service style.

use super::{Bank, Lang};

pub(crate) static BANK: Bank = Bank {
    lang: Lang::En,
    sep: " ",
    weekdays: [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ],

    greet_chat: &[
        "Hi {cust}, thanks for contacting {brand}! My name is {agent}.",
        "Hello {cust}, this is {agent} from the {brand} customer team.",
        "Hi {cust}! Thanks for reaching out, I'm {agent} and I'll be helping you today.",
    ],
    greet_mail: &[
        "Dear {cust},\n\nThank you for contacting {brand}.",
        "Hello {cust},\n\nThank you for your message.",
        "Hi {cust},\n\nThanks for getting in touch with us.",
    ],
    sign_mail: &[
        "Kind regards,\n{agent}\n{brand} Customer Care",
        "Best wishes,\n{agent}\n{brand} Support Team",
    ],
    greet_phone: &[
        "Thank you for calling {brand}, my name is {agent}. How can I help you today?",
        "Hi, you're through to {brand} customer service, this is {agent} speaking. How can I help?",
    ],
    ask_order: &[
        "Could you please give me your order number so I can look into this?",
        "May I have your order number, please?",
        "Could you share your order number with me? You'll find it in your confirmation e-mail.",
    ],
    confirm_order: &[
        "Thank you. I can see order {order} for the {product}.",
        "Thanks, I've found your order {order} ({product}).",
        "Got it: order {order}, the {product}.",
    ],
    apology: &[
        "I'm really sorry about this.",
        "I'm so sorry for the trouble.",
        "Please accept my apologies for the inconvenience.",
    ],
    empathy: &[
        "I completely understand how frustrating this must be.",
        "I can see why you're upset, and I'd feel the same.",
        "I understand, that's not the experience we want you to have.",
    ],
    further: &[
        "Is there anything else I can help you with today?",
        "Is there anything else I can do for you?",
    ],
    further_mail: &[
        "If you have any other questions, just reply to this e-mail and we'll be happy to help.",
        "Please don't hesitate to contact us if there is anything else we can do for you.",
    ],
    close: &[
        "Thank you for contacting {brand}. Have a great day!",
        "Thanks for getting in touch, {cust}. Take care!",
        "You're welcome! Have a lovely rest of your day.",
    ],
    hold: &[
        "Let me check that for you, one moment please.",
        "Just a moment while I look into this.",
    ],

    c_give_order: &[
        "Sure, it's {order}.",
        "The order number is {order}.",
        "{order}",
    ],
    c_order_line: &["Order number: {order}", "My order number is {order}."],
    c_thanks: &[
        "Great, thank you so much!",
        "Perfect, thanks for your help.",
        "OK, that's good to hear. Thanks!",
    ],
    c_no_more: &[
        "No, that's all. Thanks again!",
        "Nope, that's everything. Bye!",
        "That's all for now, thank you.",
    ],
    c_sign_mail: &["Thanks,\n{cname}", "Best regards,\n{cname}", "{given}"],
    c_nudge: &[
        "Hello? Is anyone there?",
        "Any update on this, please?",
        "Still waiting for an answer.",
    ],
    fillers: &["Yeah, um...", "Oh, right.", "Um, yes."],

    wismo_open: &[
        "Hi, I ordered the {product} {ndays} days ago and it still hasn't arrived. Can you tell me where it is?",
        "Hello, could you check the status of my order? I haven't received any shipping update yet.",
        "Hi there, when will my order arrive? The tracking page hasn't changed for a couple of days.",
    ],
    wismo_answer: &[
        "Your parcel was handed to {carrier} and is on its way. The tracking number is {tracking}, and delivery is expected on {day}.",
        "Good news: your order has shipped with {carrier} (tracking number {tracking}). It should reach you by {day}.",
    ],
    return_open: &[
        "Hi, I'd like to return the {product}. The product isn't quite what I expected.",
        "Hello, can I send back the {product}? I ordered the wrong colour.",
        "Hi, I'd like to return my order ({product}). It's not right for me. How does that work?",
    ],
    return_answer: &[
        "Of course. I've just e-mailed you a prepaid return label. Once the parcel reaches our warehouse, we'll refund {amount} to your original payment method within 5-7 business days.",
        "No problem at all. Please pack the item in its original box and drop it off with the return label I've sent you. As soon as we receive it, we'll issue your refund of {amount}, which usually shows on your statement within 3-5 business days.",
    ],
    question: &[
        (
            "Hi, is there a warranty on the {product}?",
            "Yes, there's a two-year manufacturer's warranty on the {product}. Just keep your order confirmation as proof of purchase.",
        ),
        (
            "Hello, do you have the {product} in stock at the moment? How long does delivery take?",
            "Yes, that item is in stock. Orders placed before 2 pm ship the same day, and delivery usually takes 3-5 business days.",
        ),
        (
            "Hi, can I get an invoice with my company name on it?",
            "Certainly. Please send me the company name and address, and I'll e-mail you the invoice within one business day.",
        ),
        (
            "Quick question: can you gift-wrap the {product} if I order it today?",
            "Yes, we can! Just tick \"gift wrap\" at checkout, and you can add a personal message for free.",
        ),
    ],
    address_open: &[
        "Hi, I've moved and need to change the delivery address for my order to {street}.",
        "Hello, can you update the shipping address on my account? The new one is {street}.",
    ],
    verify_ask: &[
        "I can help with that. For your security, could you please confirm the e-mail address on your account and the postcode of your current address?",
        "Happy to help. Before I make any changes, I need to verify your identity: please confirm your account e-mail and your billing postcode.",
    ],
    verify_give: &[
        "Sure, it's {mail}, and the postcode is {zip}.",
        "{mail}, postcode {zip}.",
    ],
    address_done: &[
        "Thank you, your identity is verified. I've updated the delivery address to {street}, and your order will ship there.",
        "Thanks for confirming. The address has been changed to {street}; you'll receive a confirmation e-mail shortly.",
    ],
    thanks_open: &[
        "Hi! Just wanted to say my {product} arrived today. Fantastic quality, thanks!",
        "Hello, I received my order yesterday. Great quality and fast shipping, thank you!",
    ],
    thanks_answer: &[
        "Thank you so much for your kind words, {cust}! We're really glad you like it, and I'll pass your feedback on to the team.",
        "That's wonderful to hear! Thanks for taking the time to let us know.",
    ],
    cancel_open: &[
        "Hi, can I still cancel my order? I placed it by mistake.",
        "Hello, could you cancel the second item only? I'd like to keep the first one.",
        "Hi, I'd like to cancel my order, please. I don't need it anymore.",
    ],
    cancel_answer: &[
        "Your order hadn't shipped yet, so I've cancelled it. The refund of {amount} will go back to your original payment method within 3-5 business days.",
        "Done, the cancellation is confirmed. You'll get a confirmation e-mail, and {amount} will be refunded to your original payment method within 5 business days.",
    ],

    late_open: &[
        "Hi, my order was supposed to arrive {ndays} days ago and I still don't have it. What's going on?",
        "Hello, my parcel is late. The tracking hasn't moved for a week.",
    ],
    late_fix: &[
        "I've checked with {carrier}: the parcel was held up at the sorting centre and is moving again. Your tracking number is {tracking}, and it should reach you by {day}. If it hasn't arrived by then, we'll send a replacement at no cost.",
        "The parcel is delayed in transit with {carrier} (tracking {tracking}). I've opened an investigation with them; if there's no delivery within 3 business days, we'll reship your order or refund it in full, whichever you prefer.",
    ],
    damaged_open: &[
        "Hi, the {product} arrived damaged. The box was crushed and the item is scratched.",
        "Hello, my order came today but the {product} arrived broken.",
    ],
    damaged_fix: &[
        "I'll send you a replacement free of charge; it will ship within two business days, and you don't need to return the damaged item.",
        "You can choose between a free replacement and a full refund of {amount}. For a refund you don't need to send anything back, and the money reaches your original payment method within 5-7 business days.",
    ],
    wrong_open: &[
        "Hi, I received the wrong item. I ordered the {product} but got something else.",
        "Hello, there's a mistake with my order: the box contained a different product.",
    ],
    wrong_fix: &[
        "I've arranged for the correct {product} to be sent out today, and I've e-mailed you a prepaid label to return the wrong item at no cost.",
        "The right item will ship today with express delivery. Please use the prepaid label I've sent you to return the other one within 30 days; there's nothing to pay.",
    ],
    refund_open: &[
        "Hi, I returned the {product} two weeks ago but I still haven't got my refund.",
        "Hello, where is my refund? You received my return {ndays} days ago.",
    ],
    refund_fix: &[
        "I can see your return arrived. The refund of {amount} was issued today and should appear on your statement within 3-5 business days, depending on your bank.",
        "Your return was checked and approved, and I've just released the refund of {amount} to your original payment method. Banks usually take 3-5 business days to show it.",
    ],
    defect_open: &[
        "Hi, my {product} stopped working after three weeks. Nothing happens when I press the power button.",
        "Hello, I bought the {product} and the device keeps switching itself off. Is that covered by the warranty?",
    ],
    defect_fix: &[
        "That's covered by the warranty. I've e-mailed you a prepaid return label; once we receive the faulty unit, we'll send you a new one within 3 business days, or refund {amount} if you prefer.",
        "We'll replace it under warranty. Please send it back with the free label I've just e-mailed you, and the new one ships as soon as the parcel is scanned by the carrier.",
    ],

    c_annoyed: &[
        "This is the second time I'm asking. Can someone actually help me?",
        "Seriously? I've been waiting for days and nobody has given me a straight answer.",
        "That doesn't help me at all. I need my order, not another excuse.",
        "I'm getting really tired of this.",
    ],
    c_angry: &[
        "This is absolutely unacceptable! I want my money back NOW!",
        "I am FURIOUS. Three weeks, five messages and still nothing!",
        "Your service is a complete joke. I'm done being patient!",
        "Stop copying and pasting the same answer and FIX THIS!",
    ],
    c_insult: &[
        "Are you an idiot? I already told you the order number!",
        "You're completely useless, you idiot.",
        "What kind of moron works at this company?",
        "Can you even read, you clown?",
        "You're a pathetic excuse for a support agent.",
    ],
    c_disguised: &[
        "Are you f***ing kidding me? Where is my order?",
        "You absolute B**h, just refund me.",
        "This is sh1t service and you know it.",
        "f u c k this company and f u c k you",
        "What the f.u.c.k is wrong with you people?",
        "Fuuuuck, you're useless!",
        "You're a total a$$hole.",
    ],
    dw: &[
        ("You're a complete {dw}.", &["idiot", "moron"]),
        ("What the {dw} is going on with my order?", &["fuck"]),
        ("Just refund me, you stupid {dw}.", &["bitch", "idiot"]),
        ("Your {dw} company stole my money.", &["shitty", "fucking"]),
    ],
    c_profanity: &[
        "Honestly, this damn order has been a nightmare from the start.",
        "Bloody hell, I just want this sorted.",
        "Shit happens, I know, but this is the second time.",
        "The whole thing is a f***ing mess.",
        "Ugh, this crap always happens when I order online.",
    ],
    c_violence: &[
        "If this isn't fixed today, I'll come to your office and smash the place up.",
        "Keep ignoring me and I'll find out where you live.",
        "I swear I'll punch the next person who tells me to wait.",
        "You'd better watch your back.",
    ],
    c_legal: &[
        "If I don't get a refund by {day}, my lawyer will be in touch.",
        "I'm going to sue you for this.",
        "I'll take you to small claims court if I have to.",
    ],
    c_chargeback: &[
        "If you don't refund me, I'll file a chargeback with my bank.",
        "I'm opening a PayPal dispute today.",
        "I'll call my credit card company and dispute the charge.",
    ],
    c_claim_amazon: &[
        "I'm going to file an A-to-z Guarantee claim with Amazon.",
        "If this isn't solved by tomorrow, I'm opening an A-to-z claim.",
    ],
    c_claim_ebay: &[
        "I'll open a case with eBay if I don't hear back today.",
        "I'm going to open an 'item not received' case on eBay.",
    ],
    c_claim_other: &[
        "I'll open a dispute with {market} about this order.",
        "I'm going to report your shop to {market}.",
    ],
    c_review: &[
        "I'm going to leave a one-star review and tell everyone about this.",
        "I'll post this whole conversation on Twitter and TikTok.",
        "Everyone on Facebook is going to hear how you treat customers.",
    ],
    c_regulator: &[
        "I'm filing a complaint with the FTC.",
        "I'll report you to the Better Business Bureau.",
        "I'm reporting this to Trading Standards.",
    ],
    c_churn: &[
        "I will never buy from {brand} again.",
        "Close my account. I'm taking my business elsewhere.",
        "That's it, I'm switching to another brand.",
    ],
    c_manager: &[
        "I want to speak to your manager.",
        "Please put me through to a supervisor.",
        "Get me someone more senior, right now.",
    ],
    c_repeat: &[
        [
            "When will I get my refund?",
            "So when exactly will the money be back on my card?",
            "I'm asking again: on what date will I see the refund?",
        ],
        [
            "Where is my parcel right now?",
            "Can you tell me where my package actually is?",
            "Again, where is the parcel? I just need to know where it is.",
        ],
        [
            "Has my replacement been sent yet?",
            "Did you ship the replacement or not?",
            "Once more: is the new one on its way?",
        ],
    ],
    c_card: &[
        "My payment keeps failing. Can you just charge this card instead: {card}, expiry {exp}?",
        "Here's my card number so you can take the payment: {card} exp {exp}",
        "Please use this card for the difference: {card}, valid until {exp}.",
    ],
    c_change_email: &[
        "Hi, please change the e-mail address on my account to {email}.",
        "Can you update my account e-mail to {email}? I don't use the old one anymore.",
    ],
    near_miss: &[
        "Thanks! And don't worry, I'm not going to sue anyone, I just wanted my refund.",
        "Great service, I'll leave a 5-star review!",
        "Thanks. I live near Scunthorpe, so deliveries here are always a bit slow.",
        "Perfect, thanks! Now back to my shiitake mushroom risotto.",
        "Thanks, my assistant will be at home to sign for it.",
        "Thank you! I'll read some Dickens while I wait.",
        "Lovely, just in time for our cocktail party on Saturday.",
        "Cheers! The courier told me the box was damn heavy, so I'm glad it's sorted.",
        "Thanks a lot, you guys are killing it!",
    ],

    a_deescalate: &[
        "I'm sorry you're this upset, and I want to help. Let me sort this out for you right now.",
        "I understand you're frustrated, and I apologise. I'm going to take care of this personally.",
        "I hear you. I'm sorry for the trouble so far; let's get it fixed.",
    ],
    a_threat_ack: &[
        "I understand, and I'm sorry it has come to this. I'd like to resolve it for you right away so you don't need to take any further steps.",
        "I'm sorry for the frustration. Please give me a chance to fix this first; here's what I can do.",
    ],
    a_insult: &[
        "Are you stupid? It's written right there on the page.",
        "Stop whining, you idiot. Read the tracking yourself.",
        "Honestly, people like you are the reason I hate this job. Shut up and wait.",
        "Learn to read, moron.",
    ],
    a_rude: &[
        "That's not my problem. You should have read the description before ordering.",
        "As I already said, there's nothing I can do. Take it up with the courier.",
        "Honestly, what did you expect for that price?",
        "If you had followed the instructions, it wouldn't have broken.",
    ],
    a_curt: &[
        "Noted.",
        "It will be handled.",
        "Please wait.",
        "See above.",
        "OK.",
    ],
    a_promise: &[
        "I promise you'll get a double refund for this.",
        "Delivery is guaranteed by {day}, 100%.",
        "I guarantee this will never happen again.",
        "I'll refund you in full, you can keep the item, and I'll send you a second one for free.",
    ],
    a_vague: &[
        "We're looking into it.",
        "Our team is checking this.",
        "Please be patient, it's being processed.",
        "I've passed it on internally.",
    ],
    a_manager_ok: &[
        "I understand. I'll ask my team lead to join this conversation.",
        "Of course, let me bring in my supervisor.",
    ],
    a_lead_intro: &[
        "Hello {cust}, I'm {agent}, the team lead. I've read through everything, and I'm sorry for how this has gone.",
        "Hi {cust}, this is {agent}, I supervise the customer team. Thank you for your patience; I'm taking over from here.",
    ],
    a_refund_bare: &["OK, refund done.", "I'll refund it.", "Refund issued."],
    a_email_changed: &[
        "Done, I've changed the e-mail address on your account to {email}.",
        "Sure, your account e-mail is now {email}.",
    ],
    a_address_changed: &[
        "Done, the delivery address is now {street}.",
        "No problem, I've changed the address to {street}.",
    ],
    a_card_warn: &[
        "Please don't share card numbers in chat. For your security I've removed it from our notes, and I'll send you a secure payment link instead.",
        "Thank you, but for your safety please never send your full card details in a message. I've deleted them and e-mailed you a secure link to update your payment method.",
    ],
    a_late_sorry: &[
        "Sorry for the late reply; we've had an unusually high number of messages.",
        "Apologies for the delay in getting back to you.",
    ],
    a_internal: &[
        "Internal note: follow up with the customer in 3 days if the case is still open.",
        "Note: checked with the warehouse, the parcel left on time. Carrier delay.",
        "Note: refund approved by the team lead.",
    ],
};
