// dmstat JShell startup: the library's packages, ready to use.
import io.github.dmstat.core.*;
import io.github.dmstat.core.model.*;
import io.github.dmstat.core.survey.*;
import io.github.dmstat.core.disclosure.*;
import io.github.dmstat.core.io.*;
import io.github.dmstat.datasets.*;
import tech.tablesaw.api.Table;
System.out.println("dmstat shell: try  var adults = Datasets.table(\"adults\");  then  PrevalenceEstimator.withDefaults().estimate(adults, Datasets.design(\"adults\").get(), \"cannabis_last_year\", \"agegroup\")");
