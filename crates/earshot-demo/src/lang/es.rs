//! Spanish: neutral Spanish for Spain and Latin America, agents use "usted". Sentences avoid
//! adjectives that would have to agree with the customer's gender.

use super::{Bank, Lang};

pub(crate) static BANK: Bank = Bank {
    lang: Lang::Es,
    sep: " ",
    weekdays: [
        "domingo",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
    ],

    greet_chat: &[
        "Hola, {cust}. Gracias por escribir a {brand}, mi nombre es {agent}.",
        "Buenos días, {cust}. Le atiende {agent}, del servicio de atención al cliente de {brand}.",
        "¡Hola, {cust}! Gracias por su mensaje. Soy {agent} y hoy le ayudaré con su consulta.",
    ],
    greet_mail: &[
        "Hola, {cust}:\n\nGracias por ponerse en contacto con {brand}.",
        "Buenos días, {cust}:\n\nMuchas gracias por su mensaje.",
    ],
    sign_mail: &[
        "Un cordial saludo,\n{agent}\nAtención al cliente de {brand}",
        "Saludos cordiales,\n{agent}\nEquipo de soporte de {brand}",
    ],
    greet_phone: &[
        "Gracias por llamar a {brand}, le atiende {agent}. ¿En qué puedo ayudarle?",
        "{brand}, buenos días, habla {agent}. ¿En qué le puedo ayudar?",
    ],
    ask_order: &[
        "¿Podría indicarme su número de pedido para revisarlo?",
        "¿Me facilita el número de pedido, por favor?",
        "¿Me comparte su número de pedido? Lo encontrará en el correo de confirmación.",
    ],
    confirm_order: &[
        "Gracias. Veo el pedido {order} ({product}).",
        "Perfecto, ya tengo localizado su pedido {order}: {product}.",
    ],
    apology: &[
        "Lo siento muchísimo.",
        "Le pido disculpas por las molestias.",
        "Lamento mucho lo ocurrido.",
    ],
    empathy: &[
        "Entiendo perfectamente lo frustrante que debe ser.",
        "Comprendo su malestar; cualquiera se sentiría igual.",
        "Entiendo, esta no es la experiencia que queremos que tenga.",
    ],
    further: &[
        "¿Hay algo más en lo que pueda ayudarle?",
        "¿Puedo ayudarle con alguna otra cosa?",
    ],
    further_mail: &[
        "Si tiene cualquier otra pregunta, responda a este correo y con gusto le ayudaremos.",
        "Quedamos a su disposición para cualquier otra consulta.",
    ],
    close: &[
        "Gracias por confiar en {brand}. ¡Que tenga un buen día!",
        "Ha sido un placer, {cust}. ¡Hasta pronto!",
        "De nada. ¡Que pase un excelente día!",
    ],
    hold: &[
        "Permítame un momento mientras lo reviso.",
        "Un momento, por favor, lo compruebo enseguida.",
    ],

    c_give_order: &[
        "Claro, es el {order}.",
        "El número de pedido es {order}.",
        "{order}",
    ],
    c_order_line: &[
        "Número de pedido: {order}",
        "Mi número de pedido es {order}.",
    ],
    c_thanks: &[
        "¡Genial, muchas gracias!",
        "Perfecto, gracias por su ayuda.",
        "Muy bien, me alegra saberlo. ¡Gracias!",
    ],
    c_no_more: &[
        "No, eso es todo. ¡Gracias de nuevo!",
        "No, nada más. ¡Adiós!",
        "Eso es todo por ahora, gracias.",
    ],
    c_sign_mail: &["Gracias,\n{cname}", "Saludos,\n{cname}", "{given}"],
    c_nudge: &[
        "¿Hola? ¿Hay alguien ahí?",
        "¿Alguna novedad, por favor?",
        "Sigo esperando una respuesta.",
    ],
    fillers: &["Sí, eh...", "Eh, mire.", "Pues..."],

    wismo_open: &[
        "Hola, hice un pedido ({product}) hace {ndays} días y todavía no ha llegado. ¿Dónde está?",
        "Buenas, ¿podrían revisar el estado de mi pedido? No he recibido ninguna notificación de envío.",
        "Hola, ¿cuándo llegará mi pedido? El seguimiento no se actualiza desde hace un par de días.",
    ],
    wismo_answer: &[
        "Su paquete ya está en manos de {carrier} y va en camino. El número de seguimiento es {tracking} y la entrega está prevista para el {day}.",
        "Buenas noticias: su pedido salió con {carrier} (número de seguimiento {tracking}) y debería llegarle el {day}.",
    ],
    return_open: &[
        "Hola, quiero devolver mi pedido ({product}). No es lo que esperaba.",
        "Buenas, ¿puedo devolver el artículo ({product})? Me equivoqué de color.",
        "Hola, me gustaría hacer una devolución: {product}. ¿Cómo funciona?",
    ],
    return_answer: &[
        "Por supuesto. Le acabo de enviar por correo una etiqueta de devolución prepagada. En cuanto el paquete llegue a nuestro almacén, le reembolsaremos {amount} en su método de pago original en un plazo de 5 a 7 días hábiles.",
        "Sin problema. Embale el artículo en su caja original y entréguelo con la etiqueta de devolución que le he enviado. Cuando lo recibamos, emitiremos el reembolso de {amount}, que suele verse en su cuenta en 3 a 5 días hábiles.",
    ],
    question: &[
        (
            "Hola, ¿el artículo ({product}) tiene garantía?",
            "Sí, el artículo ({product}) tiene dos años de garantía del fabricante. Solo conserve el correo de confirmación como comprobante de compra.",
        ),
        (
            "Buenas, ¿tienen en stock el artículo ({product})? ¿Cuánto tarda el envío?",
            "Sí, está disponible. Los pedidos realizados antes de las 14:00 salen el mismo día, y la entrega suele tardar de 3 a 5 días hábiles.",
        ),
        (
            "Hola, ¿me pueden hacer una factura a nombre de mi empresa?",
            "Por supuesto. Envíeme el nombre y la dirección de la empresa y le mandaré la factura por correo en un día hábil.",
        ),
        (
            "Una pregunta: si hago el pedido hoy, ¿pueden envolver el artículo ({product}) para regalo?",
            "¡Claro que sí! Marque la opción «envoltorio de regalo» al pagar; también puede añadir un mensaje personal gratis.",
        ),
    ],
    address_open: &[
        "Hola, me he mudado y necesito cambiar la dirección de entrega de mi pedido a {street}.",
        "Buenas, ¿pueden actualizar la dirección de envío de mi cuenta? La nueva es {street}.",
    ],
    verify_ask: &[
        "Con gusto le ayudo. Por su seguridad, ¿podría confirmarme el correo electrónico de su cuenta y el código postal de su dirección actual?",
        "Claro. Antes de hacer cualquier cambio necesito verificar su identidad: confírmeme, por favor, el correo de la cuenta y el código postal de facturación.",
    ],
    verify_give: &[
        "Claro, es {mail} y el código postal es {zip}.",
        "{mail}, código postal {zip}.",
    ],
    address_done: &[
        "Gracias, su identidad está verificada. He cambiado la dirección de entrega a {street} y su pedido se enviará allí.",
        "Gracias por confirmar. La dirección ya es {street}; en breve recibirá un correo de confirmación.",
    ],
    thanks_open: &[
        "¡Hola! Solo quería decirles que hoy llegó mi pedido ({product}) y es fantástico. ¡Gracias!",
        "Buenas, recibí mi pedido ayer. Muy buena calidad y un envío rapidísimo, ¡gracias!",
    ],
    thanks_answer: &[
        "¡Muchísimas gracias por sus palabras, {cust}! Nos alegra mucho que le guste, y se lo haré saber al equipo.",
        "¡Qué alegría leer esto! Gracias por tomarse el tiempo de escribirnos.",
    ],
    cancel_open: &[
        "Hola, ¿todavía puedo cancelar mi pedido? Lo hice por error.",
        "Buenas, ¿podrían cancelar solo el segundo artículo? El primero me lo quedo.",
        "Hola, quiero cancelar mi pedido, por favor. Ya no lo necesito.",
    ],
    cancel_answer: &[
        "Su pedido aún no se había enviado, así que lo he cancelado. El reembolso de {amount} volverá a su método de pago original en 3 a 5 días hábiles.",
        "Listo, la cancelación está confirmada. Recibirá un correo de confirmación, y le reembolsaremos {amount} en su método de pago original en un plazo de 5 días hábiles.",
    ],

    late_open: &[
        "Hola, mi pedido tenía que llegar hace {ndays} días y sigo sin recibirlo. ¿Qué está pasando?",
        "Buenas, mi paquete va con retraso. El seguimiento lleva una semana sin moverse.",
    ],
    late_fix: &[
        "He consultado con {carrier}: el paquete se quedó retenido en el centro de clasificación y ya está en movimiento otra vez. Su número de seguimiento es {tracking} y debería llegar el {day}. Si para entonces no ha llegado, le enviaremos un reemplazo sin coste.",
        "El paquete está retrasado en el tránsito de {carrier} (seguimiento {tracking}). He abierto una investigación con ellos; si no se entrega en 3 días hábiles, le volveremos a enviar el pedido o le reembolsaremos el importe completo, como usted prefiera.",
    ],
    damaged_open: &[
        "Hola, mi pedido ({product}) llegó dañado. La caja estaba aplastada y el artículo tiene rayones.",
        "Buenas, el paquete llegó hoy pero el artículo ({product}) está roto.",
    ],
    damaged_fix: &[
        "Le enviaré un reemplazo sin coste; saldrá en un plazo de dos días hábiles y no necesita devolver el artículo dañado.",
        "Puede elegir entre un reemplazo gratuito o el reembolso completo de {amount}. Para el reembolso no tiene que devolver nada, y el dinero llegará a su método de pago original en 5 a 7 días hábiles.",
    ],
    wrong_open: &[
        "Hola, me llegó un artículo equivocado. Pedí esto: {product}, pero recibí otra cosa.",
        "Buenas, hay un error en mi pedido: en la caja venía un producto diferente.",
    ],
    wrong_fix: &[
        "He gestionado que hoy mismo le envíen el artículo correcto ({product}), y le he mandado por correo una etiqueta prepagada para devolver el equivocado sin coste.",
        "El artículo correcto sale hoy con envío urgente. Devuelva el otro con la etiqueta prepagada que le envié, en un plazo de 30 días; no tendrá que pagar nada.",
    ],
    refund_open: &[
        "Hola, devolví el artículo ({product}) hace dos semanas y todavía no me han hecho el reembolso.",
        "Buenas, ¿dónde está mi reembolso? Recibieron mi devolución hace {ndays} días.",
    ],
    refund_fix: &[
        "Veo que su devolución ya llegó. El reembolso de {amount} se ha emitido hoy y debería reflejarse en su cuenta en 3 a 5 días hábiles, según su banco.",
        "Su devolución se revisó y fue aprobada, y acabo de liberar el reembolso de {amount} a su método de pago original. Los bancos suelen tardar de 3 a 5 días hábiles en mostrarlo.",
    ],
    defect_open: &[
        "Hola, mi aparato ({product}) dejó de funcionar a las tres semanas. Ya no enciende.",
        "Buenas, el aparato ({product}) se apaga solo constantemente. ¿Lo cubre la garantía?",
    ],
    defect_fix: &[
        "Sí, lo cubre la garantía. Le he enviado por correo una etiqueta de devolución prepagada; en cuanto recibamos el aparato defectuoso, le mandaremos uno nuevo en 3 días hábiles, o le reembolsaremos {amount} si lo prefiere.",
        "Se lo cambiamos por garantía. Envíelo con la etiqueta gratuita que le acabo de mandar por correo, y el nuevo saldrá en cuanto la empresa de transporte escanee el paquete.",
    ],

    c_annoyed: &[
        "Es la segunda vez que pregunto. ¿Alguien me puede ayudar de verdad?",
        "¿En serio? Llevo días esperando y nadie me da una respuesta clara.",
        "Eso no me sirve de nada. Quiero mi pedido, no más excusas.",
        "Ya me estoy cansando de esto.",
    ],
    c_angry: &[
        "¡Esto es totalmente inaceptable! ¡Quiero mi dinero YA!",
        "¡ESTO ES INDIGNANTE! Tres semanas, cinco mensajes y todavía nada.",
        "Su servicio es una broma. ¡Se me acabó la paciencia!",
        "¡Dejen de copiar y pegar la misma respuesta y RESUELVAN ESTO!",
    ],
    c_insult: &[
        "¿Es usted idiota? ¡Ya le di el número de pedido!",
        "Qué inútil eres, de verdad. Idiota.",
        "¿Qué clase de imbéciles trabajan en esta empresa?",
        "¿Sabes leer siquiera, payaso?",
        "Eres lo peor que he visto en atención al cliente, pedazo de inútil.",
    ],
    c_disguised: &[
        "¿Me están jodiendo? ¿Dónde c*ño está mi pedido?",
        "Eres un p3nd3jo, devuélveme el dinero.",
        "Qué servicio de m1erda.",
        "hdp, contesta de una vez",
        "Son unos c.a.b.r.o.n.e.s.",
        "ptm, otra vez lo mismo",
    ],
    dw: &[
        ("Es usted un {dw}.", &["idiota", "imbecil"]),
        (
            "Devuélveme mi dinero, {dw}.",
            &["pendejo", "cabron", "gilipollas"],
        ),
        ("Esta empresa de {dw} me robó el dinero.", &["mierda"]),
    ],
    c_profanity: &[
        "Sinceramente, este maldito pedido ha sido una pesadilla desde el principio.",
        "Joder, solo quiero que esto se solucione.",
        "Qué mierda, ya es la segunda vez.",
        "Puta madre, todo esto es un desastre.",
        "Carajo, siempre pasa lo mismo cuando compro por internet.",
    ],
    c_violence: &[
        "Si hoy no se soluciona, voy a su oficina y les rompo todo.",
        "Sigan ignorándome y averiguaré dónde vive.",
        "Le juro que al próximo que me diga que espere le parto la cara.",
        "Tenga cuidado cuando salga del trabajo.",
    ],
    c_legal: &[
        "Si no tengo mi reembolso para el {day}, mi abogado se pondrá en contacto con ustedes.",
        "Los voy a demandar.",
        "Si hace falta, los llevo a juicio.",
    ],
    c_chargeback: &[
        "Si no me devuelven el dinero, pediré a mi banco que anule el cargo.",
        "Hoy mismo abro una disputa en PayPal.",
        "Voy a llamar al banco de mi tarjeta de crédito para reclamar el cargo.",
    ],
    c_claim_amazon: &[
        "Voy a presentar una reclamación de la Garantía de la A a la Z en Amazon.",
        "Si mañana no está resuelto, abro una reclamación de la A a la Z.",
    ],
    c_claim_ebay: &[
        "Si hoy no tengo respuesta, abriré un caso en eBay.",
        "Voy a abrir un caso en eBay por «artículo no recibido».",
    ],
    c_claim_other: &[
        "Voy a abrir una disputa en {market} por este pedido.",
        "Voy a denunciar su tienda en {market}.",
    ],
    c_review: &[
        "Les voy a dejar una reseña de una estrella y se lo contaré a todo el mundo.",
        "Voy a publicar toda esta conversación en Twitter y en TikTok.",
        "Todo Facebook se va a enterar de cómo tratan a sus clientes.",
    ],
    c_regulator: &[
        "Voy a poner una reclamación en la Oficina del Consumidor.",
        "Presentaré una queja ante la Profeco.",
        "Voy a denunciarlos ante la OCU.",
    ],
    c_churn: &[
        "No vuelvo a comprar en {brand} nunca más.",
        "Cierren mi cuenta. Me voy a otra tienda.",
        "Se acabó, me cambio a otra marca.",
    ],
    c_manager: &[
        "Quiero hablar con su supervisor.",
        "Páseme con un responsable, por favor.",
        "Quiero hablar con alguien con más autoridad, ahora mismo.",
    ],
    c_repeat: &[
        [
            "¿Cuándo me llega el reembolso?",
            "Entonces, ¿cuándo exactamente vuelve el dinero a mi tarjeta?",
            "Se lo pregunto otra vez: ¿qué día veré el reembolso?",
        ],
        [
            "¿Dónde está mi paquete ahora mismo?",
            "¿Me puede decir dónde se encuentra realmente mi envío?",
            "Otra vez: ¿dónde está el paquete? Solo quiero saber dónde está.",
        ],
        [
            "¿Ya enviaron mi reemplazo?",
            "¿Han mandado el reemplazo o no?",
            "Una vez más: ¿el artículo nuevo ya está en camino?",
        ],
    ],
    c_card: &[
        "Mi pago sigue fallando. ¿Pueden cobrar con esta tarjeta: {card}, caducidad {exp}?",
        "Aquí tiene el número de mi tarjeta para el pago: {card} vence {exp}",
        "Usen esta tarjeta para la diferencia: {card}, válida hasta {exp}.",
    ],
    c_change_email: &[
        "Hola, por favor cambien el correo electrónico de mi cuenta a {email}.",
        "¿Pueden actualizar el correo de mi cuenta a {email}? Ya no uso el anterior.",
    ],
    near_miss: &[
        "¡Gracias! Y tranquilos, no voy a demandar a nadie, solo quería mi reembolso.",
        "Excelente servicio, ¡les dejaré una reseña de 5 estrellas!",
        "Gracias, ya lo apunté en la computadora para no olvidarlo.",
        "El repartidor me dijo «¡qué caja tan pesada, joder!», pero ya está todo resuelto.",
        "Gracias, me mató de risa la nota que venía en la caja.",
        "¡Gracias! Me muero de ganas de estrenarlo.",
        "Gracias. Por cierto, vivo en la calle Concha Espina, por si acaso.",
    ],

    a_deescalate: &[
        "Siento mucho las molestias y entiendo su enfado; quiero ayudarle. Lo soluciono ahora mismo.",
        "Entiendo su frustración y le pido disculpas. Me encargo de esto personalmente.",
        "Le escucho. Lamento todos los problemas hasta ahora; vamos a resolverlo.",
    ],
    a_threat_ack: &[
        "Lo entiendo, y lamento que hayamos llegado a este punto. Quiero resolverlo de inmediato para que no tenga que dar ningún otro paso.",
        "Lamento la frustración. Permítame solucionarlo primero; esto es lo que puedo hacer:",
    ],
    a_insult: &[
        "¿Es usted tonto? Está escrito ahí mismo en la página.",
        "Deje de quejarse, idiota. Mire usted el seguimiento.",
        "Sinceramente, por gente como usted odio este trabajo. Cállese y espere.",
        "Aprenda a leer, imbécil.",
    ],
    a_rude: &[
        "Eso no es mi problema. Debería haber leído la descripción antes de comprar.",
        "Como ya le dije, no puedo hacer nada. Reclame a la empresa de transporte.",
        "Sinceramente, ¿qué esperaba por ese precio?",
        "Si hubiera seguido las instrucciones, no se habría roto.",
    ],
    a_curt: &[
        "Anotado.",
        "Se gestionará.",
        "Espere, por favor.",
        "Ver arriba.",
        "Ok.",
    ],
    a_promise: &[
        "Le prometo que recibirá el doble del reembolso.",
        "La entrega está garantizada para el {day}, al 100 %.",
        "Le garantizo que esto no volverá a pasar nunca.",
        "Le devuelvo todo el dinero, se queda con el artículo y además le envío otro gratis.",
    ],
    a_vague: &[
        "Lo estamos revisando.",
        "Nuestro equipo lo está mirando.",
        "Tenga paciencia, se está procesando.",
        "Lo he pasado al departamento correspondiente.",
    ],
    a_manager_ok: &[
        "Lo entiendo. Le pido a mi responsable que se una a la conversación.",
        "Por supuesto, ahora le paso con mi supervisor.",
    ],
    a_lead_intro: &[
        "Hola, {cust}, soy {agent}, responsable del equipo. He leído todo y lamento mucho cómo se ha desarrollado esto.",
        "Buenos días, {cust}, le habla {agent}, supervisor de atención al cliente. Gracias por su paciencia; a partir de aquí me encargo yo.",
    ],
    a_refund_bare: &[
        "Ok, reembolso hecho.",
        "Le devuelvo el dinero.",
        "Reembolso emitido.",
    ],
    a_email_changed: &[
        "Listo, he cambiado el correo de su cuenta a {email}.",
        "Claro, su correo ahora es {email}.",
    ],
    a_address_changed: &[
        "Listo, la dirección de entrega ahora es {street}.",
        "Sin problema, he cambiado la dirección a {street}.",
    ],
    a_card_warn: &[
        "Por favor, no comparta números de tarjeta por chat. Por su seguridad lo he eliminado de nuestras notas y le enviaré un enlace de pago seguro.",
        "Gracias, pero por su seguridad nunca envíe los datos completos de su tarjeta por mensaje. Los he borrado y le he enviado por correo un enlace seguro para actualizar su forma de pago.",
    ],
    a_late_sorry: &[
        "Disculpe la demora en responder; hemos tenido un volumen de mensajes muy alto.",
        "Le pido disculpas por la tardanza en contestarle.",
    ],
    a_internal: &[
        "Nota interna: hacer seguimiento en 3 días si el caso sigue abierto.",
        "Nota: consultado con el almacén, el paquete salió a tiempo. Retraso del transportista.",
        "Nota: reembolso aprobado por el responsable.",
    ],
};
