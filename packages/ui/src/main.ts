// Entry of the web app: defines the components; index.html places <sarcsim-app>.
import './components/sarcsim-app.js';
