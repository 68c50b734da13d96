package org.custodian.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The framework's refusals where no API controller answers: a wrong method or an unknown address (no
 * handler chosen yet), an upload too large (refused before any handler), and a page form's binding
 * errors. Problems too, in the same words as the API's ({@link FrameworkProblems}).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblems extends FrameworkProblems {}
