package org.custodian.cop;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; someone already signed in is taken to the map instead of a form they do not need. */
@Controller
class ShellController {

    @GetMapping("/login")
    String login(@Nullable Authentication signedIn) {
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        return "cop/login";
    }
}
