package io.reelhub.dispatch;

import java.util.List;

/** Providers made at start-up from something other than a bean per protocol (the declarative provider files). */
public interface ProviderSource {

    List<VideoProvider> providers();
}
